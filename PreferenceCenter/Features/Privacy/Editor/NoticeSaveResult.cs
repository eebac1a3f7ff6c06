namespace PreferenceCenter.Features.Privacy.Editor;

/// <param name="Revision">The draft's revision now: the token the next save must quote.</param>
public sealed record NoticeSaveResult(NoticeSaveOutcome Outcome, int Revision, IReadOnlyList<string> Problems)
{
    public static NoticeSaveResult Refused(NoticeSaveOutcome outcome, int revision, params string[] problems) => new(outcome, revision, problems);
}
