using System.Text.Json;
using System.Text.Json.Serialization;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Privacy;

/// <summary>
/// A privacy catalog as a file: recipients, purposes and the notice texts in every language, published together as
/// one notice version (<c>import-catalog</c>; the development seed is one, <c>Data/Seed/catalog.json</c>).
/// </summary>
public sealed record CatalogDocument(
    DateTimeOffset? PublishedAt,
    IReadOnlyList<CatalogDocument.RecipientEntry> Recipients,
    IReadOnlyList<CatalogDocument.PurposeEntry> Purposes,
    IReadOnlyDictionary<string, CatalogDocument.NoticeEntry> Notice)
{
    public sealed record RecipientEntry(string Key, string Name, string Country, Uri? PrivacyPolicy);

    /// <param name="MaterialChange">
    /// Optional, false when left out: this version changes the purpose materially, so customers who consented under
    /// an earlier version are asked to review it. Only for a consent-based purpose that was published before.
    /// </param>
    /// <param name="RetentionAfterEndDays">
    /// Optional: days the purpose's data is kept after its consent ends (0 to <see cref="Purpose.RetentionMaxDays"/>).
    /// Left out, the period already set (on <c>/admin/purposes</c> or by an earlier catalog) stays.
    /// </param>
    public sealed record PurposeEntry(
        string Key, PurposeKind Kind, LegalBasis LegalBasis, string Icon, IReadOnlyList<Channel> Channels,
        int? ValidityMonths, string? Recipient, IReadOnlyDictionary<string, PurposeTextEntry> Texts, bool MaterialChange = false,
        int? RetentionAfterEndDays = null);

    /// <param name="IfYouSayNo">What happens if the customer says no; optional, as catalogs written before it lack it.</param>
    public sealed record PurposeTextEntry(string Title, string Summary, string DataUsed, string Retention, string? IfYouSayNo = null);

    public sealed record NoticeEntry(string Title, string LegalText);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>The catalog as the file format, e.g. to keep a draft of the next version.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static CatalogDocument FromJson(string json) =>
        JsonSerializer.Deserialize<CatalogDocument>(json, JsonOptions) ?? throw new CatalogException(["The catalog is empty."]);

    /// <summary>Reads a catalog file; malformed JSON is reported with where it went wrong.</summary>
    public static async Task<CatalogDocument> ParseAsync(Stream json, CancellationToken cancellationToken = default)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<CatalogDocument>(json, JsonOptions, cancellationToken)
                ?? throw new CatalogException(["The catalog file is empty."]);
        }
        catch (JsonException error)
        {
            throw new CatalogException([$"The catalog is not valid JSON or has a value of the wrong kind (line {error.LineNumber + 1}, {error.Path}): {error.Message}"]);
        }
    }
}
