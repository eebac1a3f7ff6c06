using System.Security.Cryptography;
using System.Text.Json;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// The exact bytes an entry's hash covers: a JSON object with a fixed field order, so the same entry always
/// hashes the same on any machine. It holds pseudonymous ids only, so erasing a customer never changes it.
/// </summary>
public static class LedgerCanonicalForm
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static byte[] Serialize(LedgerEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("v", 1);
            w.WriteNumber("seq", e.Sequence);
            w.WriteNumber("at", e.OccurredAt.ToUnixTimeMilliseconds());
            w.WriteNumber("type", (int)e.EventType);
            w.WriteNumber("actorKind", (int)e.ActorKind);
            w.WriteString("actorId", e.ActorId);
            w.WriteString("subject", e.SubjectId?.ToString());
            w.WriteNumber("source", (int)e.Source);
            w.WriteString("requestChannel", e.RequestChannel);
            w.WriteString("reason", e.Reason);
            WriteNullable(w, "notice", e.NoticeVersion);
            w.WriteString("purpose", e.PurposeKey);
            WriteNullable(w, "channel", (int?)e.Channel);
            w.WriteString("before", e.Before);
            w.WriteString("after", e.After);
            w.WriteString("detail", e.Detail);
            w.WriteString("prev", e.PreviousHash);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string ComputeHash(LedgerEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Serialize(entry)));

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
