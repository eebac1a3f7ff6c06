using System.Text.Json;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// What "withdraw everything" switched off, exactly as it was (state, period, notice, source), kept in the ledger entry
/// that closes the withdrawal, so the undo restores it without guessing and without a second copy to keep in step.
/// </summary>
public sealed record WithdrawAllSnapshot(DateTimeOffset WithdrawnAt, IReadOnlyList<WithdrawAllSnapshot.Item> Items)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToDetail() => JsonSerializer.Serialize(this, Json);

    /// <summary>The snapshot in a ledger detail, or null when the detail is not one (never throws on stored text).</summary>
    public static WithdrawAllSnapshot? FromDetail(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<WithdrawAllSnapshot>(detail, Json) is { Items: not null } snapshot ? snapshot : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public sealed record Item(
        string PurposeKey, Channel Channel, ConsentState State, DateTimeOffset ChangedAt, DateTimeOffset? ExpiresAt, int NoticeVersion, ChangeSource Source)
    {
        public static Item Of(string purposeKey, Consent consent)
        {
            ArgumentNullException.ThrowIfNull(consent);
            return new(purposeKey, consent.Channel, consent.State, consent.ChangedAt, consent.ExpiresAt, consent.NoticeVersion, consent.Source);
        }
    }
}
