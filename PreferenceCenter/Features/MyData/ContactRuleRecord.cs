namespace PreferenceCenter.Features.MyData;

/// <summary>How often we may contact the customer on a channel, and any pause.</summary>
public sealed record ContactRuleRecord(string Channel, string Frequency, DateTimeOffset? PausedUntil);
