namespace PreferenceCenter.Features.MyData;

/// <summary>
/// 27560 consent event: when (<see cref="Time"/>), the state it left the consent in (<see cref="State"/>: granted,
/// withdrawn, pending, expired, renewed), how it was expressed (<see cref="Method"/>: web-form, email-link,
/// email-one-click, support, api, system) and by whom
/// (<see cref="ExpressedBy"/>: data-subject, or staff / system / api-client acting for them), under which notice.
/// </summary>
public sealed record ConsentEventRecord(DateTimeOffset Time, string State, string Method, string ExpressedBy, int? NoticeVersion);
