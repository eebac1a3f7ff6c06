namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>"May we contact this subject on this channel for this purpose now?"</summary>
public sealed record DecisionRequest(SubjectReference? Subject, string? Purpose, string? Channel);
