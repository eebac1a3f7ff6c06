using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// A request to turn one consent on or off. <paramref name="ExpectedVersion"/> is the version the requester saw
/// (0 when never given), so a change made meanwhile in another tab is reported, not overwritten.
/// <see cref="AnyVersion"/> skips that check: an unsubscribe link means "off", whatever happened since the email.
/// <paramref name="Evidence"/>: for a consent gathered elsewhere, where, when and under which wording it was captured,
/// recorded in the ledger entry as given; for a withdrawal from an emailed link, which email it came from
/// (<c>LinkOrigin</c>: "email-of:…").
/// </summary>
public sealed record ConsentChange(
    Guid CustomerId, string PurposeKey, Channel Channel, bool Grant, int ExpectedVersion, Actor Actor, ChangeSource Source,
    string? Evidence = null)
{
    public const int AnyVersion = -1;
}
