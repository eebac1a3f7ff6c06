namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// Up to <see cref="MaxItems"/> email addresses or phone numbers (an item with an @ is an address). Without purpose and
/// channel, the answer is the erasure list alone; with both, the full standing for that purpose on that channel.
/// </summary>
public sealed record SuppressionCheckRequest(IReadOnlyList<string?>? Items, string? Purpose = null, string? Channel = null)
{
    public const int MaxItems = 10_000;

    /// <summary>The most a body may hold: every item at the longest address, quoted, plus the rest. Past it: 413, unread.</summary>
    public const long MaxBodyBytes = (MaxItems * (SuppressionCheckRules.ItemMaxLength + 4L)) + 4_096;
}
