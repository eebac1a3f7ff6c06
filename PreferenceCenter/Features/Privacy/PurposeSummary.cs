using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Privacy;

/// <summary>One purpose as a reader sees it in one language: the first and second layers together.</summary>
public sealed record PurposeSummary(
    string Key,
    PurposeKind Kind,
    LegalBasis LegalBasis,
    string Icon,
    string Title,
    string Summary,
    string DataUsed,
    string Retention,
    string? RecipientName,
    int? ValidityMonths,
    ChannelSet OfferedChannels,
    string? RecipientCountry = null,
    Uri? RecipientPrivacyPolicy = null,
    string? IfYouSayNo = null)
{
    public bool AsksForConsent => LegalBasis == LegalBasis.Consent;
}
