using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Data;

/// <summary>The shape of <c>Seed/catalog.json</c>: recipients, purposes and the first notice version in every language.</summary>
public sealed record CatalogDocument(
    DateTimeOffset PublishedAt,
    IReadOnlyList<CatalogDocument.RecipientEntry> Recipients,
    IReadOnlyList<CatalogDocument.PurposeEntry> Purposes,
    IReadOnlyDictionary<string, CatalogDocument.NoticeEntry> Notice)
{
    public sealed record RecipientEntry(string Key, string Name, string Country, Uri? PrivacyPolicy);

    public sealed record PurposeEntry(
        string Key, PurposeKind Kind, LegalBasis LegalBasis, string Icon, IReadOnlyList<Channel> Channels,
        int? ValidityMonths, string? Recipient, IReadOnlyDictionary<string, PurposeTextEntry> Texts);

    public sealed record PurposeTextEntry(string Title, string Summary, string DataUsed, string Retention);

    public sealed record NoticeEntry(string Title, string LegalText);
}
