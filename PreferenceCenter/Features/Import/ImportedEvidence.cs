using System.Text.Json;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// An imported consent's proof as the ledger entry's Detail records it (JSON): where it came from, when and where it
/// was captured, what the person was shown, the confirmation if any, and which import and line brought it. No address.
/// </summary>
public sealed record ImportedEvidence(
    string Source, DateTimeOffset CapturedAt, string CollectionPoint, int? NoticeVersion, string? Wording, DateTimeOffset? ConfirmedAt,
    Guid Import, int Line)
{
    public static ImportedEvidence Of(ImportRow row, Guid import)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Source, row.CapturedAt, row.CollectionPoint, row.NoticeVersion, row.Wording, row.ConfirmedAt, import, row.Line);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static ImportedEvidence? TryParse(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ImportedEvidence>(detail, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
