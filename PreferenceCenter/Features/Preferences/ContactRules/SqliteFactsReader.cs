using Microsoft.Data.Sqlite;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// One long-lived SQLite connection with <see cref="ReferencedContactFacts"/>' question about one customer prepared on
/// it once (see <see cref="SqliteFactsReaders"/> for why). The same facts as the EF statement, column for column:
/// <c>SqliteFactsReaderTests</c> holds the two together.
/// </summary>
internal sealed class SqliteFactsReader : IDisposable
{
    // EF's statement (ReferencedContactFacts.Shape) with the customer's lookup as a join condition: the purpose's row
    // comes back whether or not the customer exists, and one row at most (both keys are unique).
    private const string Sql = """
        SELECT p.Id, p.Icon, p.Key, p.Kind, p.LegalBasis, p.MaterialChangeNotice, p.OfferedChannels, p.RecipientId,
               p.RetentionAfterEndDays, p.SortOrder, p.ValidityMonths,
               c.Reference, c.Status, k.State, k.ExpiresAt, r.Frequency, r.PausedUntil, l.LastContactedAt
        FROM Purposes AS p
        LEFT JOIN Customers AS c ON c.Reference = $reference
        LEFT JOIN Consents AS k ON k.CustomerId = c.Id AND k.PurposeId = p.Id AND k.Channel = $channel
        LEFT JOIN ContactRules AS r ON r.CustomerId = c.Id AND r.Channel = $channel
        LEFT JOIN ChannelContacts AS l ON l.CustomerId = c.Id AND l.Channel = $channel
        WHERE p.Key = $purposeKey
        """;

    private readonly SqliteConnection connection;
    private readonly SqliteCommand command;
    private readonly SqliteParameter purposeKey;
    private readonly SqliteParameter channel;
    private readonly SqliteParameter reference;

    private SqliteFactsReader(SqliteConnection connection)
    {
        this.connection = connection;
        command = connection.CreateCommand();
        command.CommandText = Sql;
        purposeKey = command.Parameters.Add("$purposeKey", SqliteType.Text);
        channel = command.Parameters.Add("$channel", SqliteType.Integer);
        reference = command.Parameters.Add("$reference", SqliteType.Text);
    }

    /// <summary>Opens its own connection (outside Microsoft.Data.Sqlite's pool, so closing it closes the file) for reading only.</summary>
    public static SqliteFactsReader Open(string connectionString)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            connection.Open();
            using (var settings = connection.CreateCommand())
            {
                // The same page cache as the app's pooled connections (SqliteConnectionSettings); writes refused outright.
                settings.CommandText = $"PRAGMA query_only=ON; PRAGMA cache_size=-{SqliteConnectionSettings.PageCacheKibibytes};";
                settings.ExecuteNonQuery();
            }

            var reader = new SqliteFactsReader(connection);
            reader.command.Prepare();
            return reader;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <returns>Null when no purpose has the key; otherwise the purpose and, when the customer exists, their facts.</returns>
    public (Purpose Purpose, ContactFacts? Found)? Read(string purposeKeyValue, Channel channelValue, string referenceValue)
    {
        // This command is not EF's, so NulFreeParameters does not see it: the same replacement, here.
        purposeKey.Value = NulFreeParameters.WithoutNul(purposeKeyValue);
        channel.Value = (int)channelValue;
        reference.Value = NulFreeParameters.WithoutNul(referenceValue);
        // Disposing the reader resets the statement, which ends its read transaction: nothing pins the WAL between calls.
        using var row = command.ExecuteReader();
        if (!row.Read())
        {
            return null;
        }

        var purpose = new Purpose
        {
            Id = row.GetInt32(0),
            Icon = row.GetString(1),
            Key = row.GetString(2),
            Kind = (PurposeKind)row.GetInt32(3),
            LegalBasis = (LegalBasis)row.GetInt32(4),
            MaterialChangeNotice = Int(row, 5),
            OfferedChannels = (ChannelSet)row.GetInt32(6),
            RecipientId = Int(row, 7),
            RetentionAfterEndDays = Int(row, 8),
            SortOrder = row.GetInt32(9),
            ValidityMonths = Int(row, 10),
        };
        if (row.IsDBNull(11))
        {
            return (purpose, null);
        }

        var state = Int(row, 13);
        var frequency = Int(row, 15);
        return (purpose, new ContactFacts(
            channelValue,
            (CustomerStatus)row.GetInt32(12),
            purpose,
            state is null ? null : new Consent { State = (ConsentState)state.Value, ExpiresAt = Time(row, 14) },
            frequency is null ? null : new ContactRule { Frequency = (ContactFrequency)frequency.Value, PausedUntil = Time(row, 16) },
            Time(row, 17)));
    }

    public void Dispose()
    {
        command.Dispose();
        connection.Dispose();
    }

    private static int? Int(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetInt32(column);

    // Times are UTC Unix milliseconds (UtcMillisecondsConverter).
    private static DateTimeOffset? Time(SqliteDataReader row, int column) =>
        row.IsDBNull(column) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(column));
}
