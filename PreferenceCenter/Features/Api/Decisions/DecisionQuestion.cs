using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>A request that passed validation: the subject in its one spelling, a published purpose and a known channel.</summary>
public sealed record DecisionQuestion(string? Reference, string? Email, string PurposeKey, Channel Channel);
