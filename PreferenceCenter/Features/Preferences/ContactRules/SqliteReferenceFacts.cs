using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;
using SQLitePCL;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// <see cref="ReferencedContactFacts"/>' question about one customer on SQLite, as a statement prepared once per native
/// connection and kept with it. Microsoft.Data.Sqlite parses and plans every command's SQL again on every execution
/// (it keeps no statements across commands), and for this five-table join that parsing and planning was most of
/// SQLite's share of a single decision (docs/performance.md, API run 10). A pooled connection keeps its native handle
/// from open to open, as <see cref="Data.SqliteConnectionSettings"/> relies on, so the statement lives as long as the handle.
/// The same facts as the EF statement, column for column: <c>SqliteReferenceFactsTests</c> holds the two together.
/// </summary>
internal static class SqliteReferenceFacts
{
    // The EF statement's shape (ReferencedContactFacts.Shape) with the customer's lookup as a join condition: the purpose's
    // row comes back whether or not the customer exists, one row at most (both keys are unique).
    private const string Sql = """
        SELECT p.Id, p.Icon, p.Key, p.Kind, p.LegalBasis, p.MaterialChangeNotice, p.OfferedChannels, p.RecipientId,
               p.RetentionAfterEndDays, p.SortOrder, p.ValidityMonths,
               c.Reference, c.Status, k.State, k.ExpiresAt, r.Frequency, r.PausedUntil, l.LastContactedAt
        FROM Purposes AS p
        LEFT JOIN Customers AS c ON c.Reference = @reference
        LEFT JOIN Consents AS k ON k.CustomerId = c.Id AND k.PurposeId = p.Id AND k.Channel = @channel
        LEFT JOIN ContactRules AS r ON r.CustomerId = c.Id AND r.Channel = @channel
        LEFT JOIN ChannelContacts AS l ON l.CustomerId = c.Id AND l.Channel = @channel
        WHERE p.Key = @purposeKey
        """;

    // How long a read waits for a lock another connection holds (WAL readers rarely meet one), as Microsoft.Data.Sqlite's
    // default command timeout does.
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private static readonly ConditionalWeakTable<sqlite3, Statement> Prepared = [];

    /// <returns>Null when no purpose has the key; otherwise the facts of the customer when found (else none).</returns>
    public static (Purpose Purpose, ContactFacts? Found)? Load(SqliteConnection connection, string purposeKey, Channel channel, string reference)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection must be open.");
        var statement = Prepared.GetValue(handle, h => new Statement(h));
        lock (statement)
        {
            return statement.Run(NulFree(purposeKey), channel, NulFree(reference));
        }
    }

    // As NulFreeParameters does for EF's commands: text with a NUL was stored with U+FFFD, so look that up.
    private static string NulFree(string text) => text.Replace('\0', '\uFFFD');

    private sealed class Statement
    {
        private readonly sqlite3 db;
        private readonly sqlite3_stmt stmt;
        private readonly int purposeKeyIndex;
        private readonly int channelIndex;
        private readonly int referenceIndex;

        public Statement(sqlite3 db)
        {
            this.db = db;
            // Persistent: SQLite keeps it outside its small lookaside memory, as a statement kept for long should be.
            var rc = raw.sqlite3_prepare_v3(db, Sql, raw.SQLITE_PREPARE_PERSISTENT, out stmt);
            SqliteException.ThrowExceptionForRC(rc, db);
            purposeKeyIndex = raw.sqlite3_bind_parameter_index(stmt, "@purposeKey");
            channelIndex = raw.sqlite3_bind_parameter_index(stmt, "@channel");
            referenceIndex = raw.sqlite3_bind_parameter_index(stmt, "@reference");
        }

        public (Purpose Purpose, ContactFacts? Found)? Run(string purposeKey, Channel channel, string reference)
        {
            try
            {
                Check(raw.sqlite3_bind_text(stmt, purposeKeyIndex, purposeKey));
                Check(raw.sqlite3_bind_int(stmt, channelIndex, (int)channel));
                Check(raw.sqlite3_bind_text(stmt, referenceIndex, reference));
                if (!Step())
                {
                    return null;
                }

                var purpose = new Purpose
                {
                    Id = raw.sqlite3_column_int(stmt, 0),
                    Icon = Text(1)!,
                    Key = Text(2)!,
                    Kind = (PurposeKind)raw.sqlite3_column_int(stmt, 3),
                    LegalBasis = (LegalBasis)raw.sqlite3_column_int(stmt, 4),
                    MaterialChangeNotice = Int(5),
                    OfferedChannels = (ChannelSet)raw.sqlite3_column_int(stmt, 6),
                    RecipientId = Int(7),
                    RetentionAfterEndDays = Int(8),
                    SortOrder = raw.sqlite3_column_int(stmt, 9),
                    ValidityMonths = Int(10),
                };
                if (Text(11) is null)
                {
                    return (purpose, null);
                }

                var state = Int(13);
                var frequency = Int(15);
                return (purpose, new ContactFacts(
                    channel,
                    (CustomerStatus)raw.sqlite3_column_int(stmt, 12),
                    purpose,
                    state is null ? null : new Consent { State = (ConsentState)state.Value, ExpiresAt = Time(14) },
                    frequency is null ? null : new ContactRule { Frequency = (ContactFrequency)frequency.Value, PausedUntil = Time(16) },
                    Time(17)));
            }
            finally
            {
                // Reset ends the read transaction the step began; a statement left mid-step would pin the WAL's snapshot.
                raw.sqlite3_reset(stmt);
                raw.sqlite3_clear_bindings(stmt);
            }
        }

        // True for a row, false when done; waits out a lock as Microsoft.Data.Sqlite does.
        private bool Step()
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                var rc = raw.sqlite3_step(stmt);
                switch (rc)
                {
                    case raw.SQLITE_ROW:
                        return true;
                    case raw.SQLITE_DONE:
                        return false;
                    case raw.SQLITE_BUSY or raw.SQLITE_LOCKED when waited.Elapsed < BusyTimeout:
                        raw.sqlite3_reset(stmt);
                        Thread.Sleep(1);
                        continue;
                    default:
                        Check(rc);
                        return false;
                }
            }
        }

        private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, db);

        private int? Int(int column) => raw.sqlite3_column_type(stmt, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(stmt, column);

        private string? Text(int column) => raw.sqlite3_column_type(stmt, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(stmt, column).utf8_to_string();

        private DateTimeOffset? Time(int column) => raw.sqlite3_column_type(stmt, column) == raw.SQLITE_NULL
            ? null
            : DateTimeOffset.FromUnixTimeMilliseconds(raw.sqlite3_column_int64(stmt, column));
    }
}
