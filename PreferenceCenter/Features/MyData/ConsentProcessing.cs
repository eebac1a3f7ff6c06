namespace PreferenceCenter.Features.MyData;

/// <summary>
/// 27560 "processing": the purpose (key and words), the personal data it uses (PII categories), the controller,
/// named recipients (third parties), the legal basis (lawful basis) and how long (duration / retention).
/// </summary>
public sealed record ConsentProcessing(
    string PurposeKey,
    string Purpose,
    string PersonalData,
    PiiController Controller,
    IReadOnlyList<string> Recipients,
    string LegalBasis,
    string Duration,
    int? ConsentValidityMonths);
