namespace PreferenceCenter.Features.Preferences.Feedback;

public static class FeedbackRules
{
    /// <summary>Feedback says something (a box ticked or words), within the limit, as plain text.</summary>
    public static PreferenceProblem? Check(FeedbackDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var comment = FreeTextRules.Normalise(draft.Comment);
        if (!draft.TooOften && !draft.NotRelevant && comment is null)
        {
            return PreferenceProblem.FeedbackEmpty;
        }

        if (draft.Channel is { } channel && !Enum.IsDefined(channel))
        {
            return PreferenceProblem.UnknownChannel;
        }

        return comment?.Length > Feedback.CommentMaxLength ? PreferenceProblem.CommentTooLong
            : FreeTextRules.ContainsMarkup(comment) ? PreferenceProblem.CommentHasMarkup
            : null;
    }
}
