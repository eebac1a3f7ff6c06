namespace PreferenceCenter.Features.Api.Consents;

/// <summary>
/// Record a consent given (<see cref="Granted"/> true) or withdrawn. <see cref="ExpectedVersion"/>, when sent, is the
/// version the caller last read: a change made meanwhile is a 409, not overwritten. Evidence is required.
/// </summary>
public sealed record ConsentWriteRequest(string? Purpose, string? Channel, bool? Granted, int? ExpectedVersion, ConsentEvidence? Evidence);
