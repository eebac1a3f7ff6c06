namespace PreferenceCenter.Features.MyData;

/// <summary>
/// One consent (a purpose on a channel) in the ISO/IEC TS 27560 consent record structure. Field by field:
/// <see cref="RecordId"/> record identifier; <see cref="PiiPrincipalId"/> PII principal (our pseudonymous id);
/// <see cref="Notice"/> the notice the consent refers to (reference, version, language); <see cref="Processing"/>
/// purposes, PII categories, controller, recipients, legal basis and duration; <see cref="HowToWithdraw"/> the
/// withdrawal method; <see cref="State"/> and <see cref="ValidUntil"/> the consent's current status;
/// <see cref="Events"/> each consent event with its time, state, method and who expressed it.
/// </summary>
public sealed record ConsentRecord(
    string RecordId,
    Guid PiiPrincipalId,
    ConsentNoticeReference Notice,
    ConsentProcessing Processing,
    string Channel,
    string State,
    DateTimeOffset? ValidUntil,
    string HowToWithdraw,
    IReadOnlyList<ConsentEventRecord> Events);
