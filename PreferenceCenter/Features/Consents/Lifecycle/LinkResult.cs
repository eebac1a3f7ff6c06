using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// The outcome of a confirmation or renewal link with what its page says: the consent's title (in the reader's
/// language) and channel, and until when it now lasts. Nothing about the consent is known for an invalid link.
/// </summary>
public sealed record LinkResult(LinkOutcome Outcome, string? PurposeTitle = null, Channel? Channel = null, DateTimeOffset? ValidUntil = null)
{
    /// <summary>400 for a link we did not make as it is, 410 for one that is gone, 200 otherwise.</summary>
    public int StatusCode => Outcome switch
    {
        LinkOutcome.Invalid => 400,
        LinkOutcome.Expired or LinkOutcome.NothingToDo => 410,
        _ => 200,
    };
}
