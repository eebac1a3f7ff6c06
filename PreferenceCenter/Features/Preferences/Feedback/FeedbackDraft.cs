using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.Feedback;

public sealed record FeedbackDraft(bool TooOften, bool NotRelevant, Channel? Channel, string? Comment);
