namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>Who a question is about: exactly one of a customer reference (<c>PC-…</c>) or an email address.</summary>
public sealed record SubjectReference(string? Reference, string? Email);
