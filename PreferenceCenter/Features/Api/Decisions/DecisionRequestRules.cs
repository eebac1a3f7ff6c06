using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>
/// Checks a request's shape and names each bad field the way the caller sent it (<c>items[3].purpose</c>), so a
/// sender's developer can fix the call from the 400 alone.
/// </summary>
public static class DecisionRequestRules
{
    public const int EmailMaxLength = 254;

    /// <param name="isPublished">Whether a purpose key is published; a single question passes "any" and learns it from its one read (<see cref="UnknownPurpose"/>).</param>
    public static DecisionQuestion? Check(DecisionRequest? request, string prefix, Func<string, bool> isPublished, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(isPublished);
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors[prefix.TrimEnd('.')] = ["A question is required: subject, purpose and channel."];
            return null;
        }

        var subject = CheckSubject(request.Subject, prefix + "subject", errors);
        var purpose = request.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose))
        {
            errors[prefix + "purpose"] = ["The purpose is required: the key of a published purpose, e.g. \"marketing\"."];
        }
        else if (!isPublished(purpose))
        {
            UnknownPurpose(prefix, purpose, errors);
        }

        if (!ApiNames.TryParseChannel(request.Channel, out var channel))
        {
            errors[prefix + "channel"] = [ApiNames.ChannelProblem];
        }

        return subject is null || errors.ContainsKey(prefix + "purpose") || errors.ContainsKey(prefix + "channel")
            ? null
            : new DecisionQuestion(subject.Reference, subject.Email, purpose!, channel);
    }

    public static void UnknownPurpose(string prefix, string purpose, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(errors);
        errors[prefix + "purpose"] = [$"No published purpose has the key '{Shorten(purpose)}'."];
    }

    private static SubjectReference? CheckSubject(SubjectReference? subject, string field, IDictionary<string, string[]> errors)
    {
        var reference = subject?.Reference?.Trim().ToUpperInvariant();
        var email = subject?.Email?.Trim();
        if (string.IsNullOrEmpty(reference) == string.IsNullOrEmpty(email))
        {
            errors[field] = ["Give exactly one of reference (e.g. \"PC-7K3M9Q\") or email."];
            return null;
        }

        if (reference is not null && reference.Length > 0 && !CustomerReference.IsWellFormed(reference))
        {
            errors[field + ".reference"] = ["A customer reference looks like \"PC-7K3M9Q\"."];
            return null;
        }

        if (email is not null && email.Length > 0 && (email.Length > EmailMaxLength || email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.Any(char.IsControl)))
        {
            errors[field + ".email"] = [$"An email address has an @ and at most {EmailMaxLength} characters."];
            return null;
        }

        return new SubjectReference(string.IsNullOrEmpty(reference) ? null : reference, string.IsNullOrEmpty(email) ? null : email);
    }

    // Echo a little of what was sent, never a whole hostile string.
    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
