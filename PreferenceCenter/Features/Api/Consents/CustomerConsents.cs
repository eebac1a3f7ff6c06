namespace PreferenceCenter.Features.Api.Consents;

public sealed record CustomerConsents(string Reference, IReadOnlyList<ApiConsent> Consents);
