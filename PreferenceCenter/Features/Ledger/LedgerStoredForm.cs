using System.Data.Common;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// The one form in which the writer stores each column of <c>LedgerEntries</c>, and the check that a row is stored
/// exactly so. The hash covers each value as parsed, while readers see it as stored: the history page and the export
/// filter by <c>SubjectId</c> and <c>EventType</c> in SQL, and the provider parses leniently (a GUID in lower case or
/// in braces, a number stored as text, real or blob, text stored as a blob all read as the same value). A row in any
/// such form would hash clean yet read differently, so a row passes only if every column holds, byte for byte, what
/// the writer stores for the value parsed from it: the hash then covers exactly what any reader reads.
/// </summary>
internal static class LedgerStoredForm
{
    public const string Table = "LedgerEntries";

    /// <summary>Every column of the table; the verifier refuses a table with any other (its value would be covered by nothing).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Sequence", "OccurredAt", "EventType", "ActorKind", "ActorId", "SubjectId", "Source", "RequestChannel", "Reason",
        "NoticeVersion", "PurposeKey", "Channel", "Before", "After", "Detail", "PreviousHash", "Hash",
    ];

    /// <summary>
    /// Every row in sequence order: first the storage class of every column, comma-separated (one value rather than
    /// one per column: each value read costs a call into SQLite), then every column's value, text as its raw bytes.
    /// </summary>
    public static string SelectAll { get; } =
        $"SELECT {string.Join(" || ',' || ", Columns.Select(c => $"typeof(\"{c}\")"))}, " +
        $"{string.Join(", ", Columns.Select(c => $"CASE typeof(\"{c}\") WHEN 'text' THEN CAST(\"{c}\" AS BLOB) ELSE \"{c}\" END"))} " +
        $"FROM \"{Table}\" ORDER BY \"Sequence\"";

    // The range DateTimeOffset (and so the reader's converter) can hold.
    private static readonly long EarliestMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long LatestMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Reads the current row of a <see cref="SelectAll"/> reader.</summary>
    public static StoredLedgerRow Read(DbDataReader reader)
    {
        var row = new StoredRowReader(reader, Columns);
        var sequence = row.Integer("Sequence");
        var entry = new LedgerEntry
        {
            Sequence = sequence ?? 0,
            OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(row.Integer("OccurredAt", min: EarliestMilliseconds, max: LatestMilliseconds) ?? 0),
            EventType = (LedgerEventType)(row.Int32("EventType") ?? 0),
            ActorKind = (ActorKind)(row.Int32("ActorKind") ?? 0),
            ActorId = row.Text("ActorId") ?? string.Empty,
            SubjectId = row.Guid("SubjectId"),
            Source = (ChangeSource)(row.Int32("Source") ?? 0),
            RequestChannel = row.Text("RequestChannel", nullable: true),
            Reason = row.Text("Reason", nullable: true),
            NoticeVersion = row.Int32("NoticeVersion", nullable: true),
            PurposeKey = row.Text("PurposeKey", nullable: true),
            Channel = (Channel?)row.Int32("Channel", nullable: true),
            Before = row.Text("Before", nullable: true),
            After = row.Text("After", nullable: true),
            Detail = row.Text("Detail", nullable: true),
            PreviousHash = row.Hash("PreviousHash") ?? string.Empty,
        };
        var hash = row.Hash("Hash") ?? string.Empty;
        return new StoredLedgerRow(sequence, row.Problem is null ? entry : null, hash, row.Problem);
    }

    /// <summary>How EF Core's SQLite provider stores a GUID.</summary>
    public static string StorageForm(Guid value) => value.ToString("D").ToUpperInvariant();
}
