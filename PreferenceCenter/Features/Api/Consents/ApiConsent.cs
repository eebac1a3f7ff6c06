namespace PreferenceCenter.Features.Api.Consents;

/// <summary>
/// One consent as the API shows it. <see cref="State"/>: <c>granted</c>, <c>withdrawn</c>, <c>pending</c> (waiting for
/// the customer's double opt-in), <c>expired</c> or <c>not-given</c>. <see cref="Version"/> goes back with a change.
/// </summary>
public sealed record ApiConsent(
    string Purpose, string Channel, string State, DateTimeOffset? Since, DateTimeOffset? ExpiresAt, int? NoticeVersion, int Version);
