using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.Privacy;

/// <summary>Small, valid catalogs to publish; tests break one thing at a time with <c>with</c>.</summary>
public static class CatalogSamples
{
    public static CatalogDocument.PurposeEntry Marketing(int? validityMonths = 24, params Channel[] channels) => new(
        "marketing", PurposeKind.Marketing, LegalBasis.Consent, "Campaign",
        channels.Length == 0 ? [Channel.Email, Channel.Sms] : channels, validityMonths, null,
        new Dictionary<string, CatalogDocument.PurposeTextEntry> { ["en"] = new("Marketing", "Offers, if you agree.", "Name, email.", "24 months.") });

    public static CatalogDocument.PurposeEntry SharingWith(string recipientKey) => new(
        "sharing-northwind", PurposeKind.Sharing, LegalBasis.Consent, "Share", [Channel.Email], 12, recipientKey,
        new Dictionary<string, CatalogDocument.PurposeTextEntry> { ["en"] = new("Sharing with Northwind", "Only if you agree.", "Name.", "12 months.") });

    public static CatalogDocument Valid() => new(
        new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
        [new CatalogDocument.RecipientEntry("northwind", "Northwind Travel S.r.l.", "IT", null)],
        [Marketing(), SharingWith("northwind")],
        new Dictionary<string, CatalogDocument.NoticeEntry> { ["en"] = new("Privacy notice", "1. Who we are\nExample Retail.") });
}
