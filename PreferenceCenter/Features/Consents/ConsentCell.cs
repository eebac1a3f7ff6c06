namespace PreferenceCenter.Features.Consents;

/// <summary>What one switch shows: on or off, since when, until when, and the version to send back.</summary>
public sealed record ConsentCell(string PurposeKey, Channel Channel, bool IsOn, DateTimeOffset? ChangedAt, DateTimeOffset? ExpiresAt, int Version)
{
    public static ConsentCell NeverGiven(string purposeKey, Channel channel) => new(purposeKey, channel, false, null, null, 0);
}
