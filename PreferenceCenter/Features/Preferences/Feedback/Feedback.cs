using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.Feedback;

/// <summary>"You contact me too often", "this is not relevant to me", and optional words. Officers read it in aggregate.</summary>
public sealed class Feedback
{
    public const int CommentMaxLength = 500;

    public int Id { get; init; }
    public Guid CustomerId { get; init; }
    public bool TooOften { get; init; }
    public bool NotRelevant { get; init; }

    /// <summary>The channel the feedback is about, when the customer names one.</summary>
    public Channel? Channel { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
