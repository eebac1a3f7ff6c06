using System.Globalization;
using System.Text.Json;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// The JSON body of an event (Standard Webhooks shape: type, timestamp, data), minified and built once: the bytes
/// stored are the bytes signed and sent on every attempt. It names the customer by the reference the API uses
/// (<c>PC-…</c>) and says what changed; never an email address, a name or a phone number.
/// </summary>
public static class WebhookPayloads
{
    /// <summary>What the receiver must do on <c>customer.erased</c>; stable codes, documented in docs/features/webhooks.md.</summary>
    public static readonly IReadOnlyList<string> ErasureDeletes = ["contact-details", "profile", "consents", "preferences", "derived-data"];

    public static string Build(string eventType, LedgerEntry entry, string reference)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", eventType);
            json.WriteString("timestamp", Iso(entry.OccurredAt));
            json.WriteStartObject("data");
            json.WriteString("customer", reference);
            json.WriteNumber("sequence", entry.Sequence);
            WriteData(json, eventType, entry);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteData(Utf8JsonWriter json, string eventType, LedgerEntry entry)
    {
        switch (eventType)
        {
            case WebhookEventTypes.ConsentChanged:
                json.WriteString("purpose", entry.PurposeKey);
                json.WriteString("channel", Name(entry.Channel));
                json.WriteString("state", entry.After);
                json.WriteString("previousState", entry.Before);
                json.WriteString("source", Name(entry.Source));
                break;
            case WebhookEventTypes.PreferencesChanged:
                json.WriteString("channel", Name(entry.Channel));
                json.WriteString("change", entry.EventType switch
                {
                    LedgerEventType.ContactFrequencyChanged => "frequency",
                    LedgerEventType.ContactPaused => "paused",
                    _ => "pause-lifted",
                });
                if (entry.EventType == LedgerEventType.ContactFrequencyChanged)
                {
                    json.WriteString("frequency", entry.After);
                }
                else if (entry.EventType == LedgerEventType.ContactPaused)
                {
                    json.WriteString("pausedUntil", entry.After);
                }

                break;
            case WebhookEventTypes.CustomerErased:
                // Only that the reference was erased and what to delete: nothing about the person travels.
                json.WriteStartArray("delete");
                foreach (var what in ErasureDeletes)
                {
                    json.WriteStringValue(what);
                }

                json.WriteEndArray();
                break;
            case WebhookEventTypes.SuppressionAdded:
                // The addresses themselves are gone; the receiver learns that this reference must never be contacted again.
                json.WriteString("suppressed", "all-channels");
                break;
        }
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Name<T>(T? value) where T : struct, Enum => value?.ToString().ToLowerInvariant();

    private static string Name(ChangeSource source) => source.ToString().ToLowerInvariant();
}
