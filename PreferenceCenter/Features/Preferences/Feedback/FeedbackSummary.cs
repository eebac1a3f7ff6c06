using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.Feedback;

/// <summary>Feedback over a period, in aggregate: what privacy officers read. No customer is named.</summary>
public sealed record FeedbackSummary(
    DateTimeOffset From,
    int Total,
    int TooOften,
    int NotRelevant,
    int WithComment,
    IReadOnlyDictionary<Channel, int> TooOftenByChannel,
    IReadOnlyList<string> RecentComments);
