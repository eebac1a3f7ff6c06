using PreferenceCenter.Features.Consents;

namespace PreferenceCenter.Features.Preferences;

public sealed record FeedbackDraft(bool TooOften, bool NotRelevant, Channel? Channel, string? Comment);
