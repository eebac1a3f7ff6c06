namespace PreferenceCenter.Features.MyData;

/// <summary>Feedback the customer sent, in their own words where they wrote some.</summary>
public sealed record FeedbackRecord(DateTimeOffset ReceivedAt, bool TooOften, bool NotRelevant, string? Channel, string? Comment);
