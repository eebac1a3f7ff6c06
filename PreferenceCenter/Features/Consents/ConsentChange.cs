using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// A request to turn one consent on or off. <paramref name="ExpectedVersion"/> is the version the requester saw
/// (0 when never given), so a change made meanwhile in another tab is reported, not overwritten.
/// <see cref="AnyVersion"/> skips that check: an unsubscribe link means "off", whatever happened since the email.
/// </summary>
public sealed record ConsentChange(
    Guid CustomerId, string PurposeKey, Channel Channel, bool Grant, int ExpectedVersion, Actor Actor, ChangeSource Source)
{
    public const int AnyVersion = -1;
}
