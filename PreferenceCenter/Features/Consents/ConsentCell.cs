using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// What one switch shows: on or off, since when, until when, and the version to send back.
/// <paramref name="AwaitingConfirmation"/>: asked for by double opt-in, not yet confirmed (so not on).
/// </summary>
public sealed record ConsentCell(
    string PurposeKey, Channel Channel, bool IsOn, DateTimeOffset? ChangedAt, DateTimeOffset? ExpiresAt, int Version, bool AwaitingConfirmation = false)
{
    public static ConsentCell NeverGiven(string purposeKey, Channel channel) => new(purposeKey, channel, false, null, null, 0);
}
