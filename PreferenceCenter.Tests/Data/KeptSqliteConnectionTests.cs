using System.Data.Common;
using Microsoft.Data.Sqlite;
using PreferenceCenter.Data;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data;

/// <summary>
/// A kept connection runs each SQL on one statement prepared once, whoever makes the command, and never lends a
/// statement that is still being read; past its limit it prepares for one use and closes after.
/// </summary>
[SqliteOnly("a SQLite connection's prepared statements; Npgsql prepares on PostgreSQL itself")]
public sealed class KeptSqliteConnectionTests
{
    private const string CountByKey = "SELECT count(*) FROM Purposes WHERE Key = $key";

    [Fact]
    public async Task TheSameSql_FromCommandAfterCommand_RunsOnOneStatementPreparedOnce_AndKeepsNoValuesAfter()
    {
        await using var database = await SeededAsync();
        await using var connection = Open(database);
        var handles = new List<IntPtr>();
        foreach (var (key, expected) in new[] { ("marketing", 1L), ("nothing-like-it", 0L), ("marketing", 1L) })
        {
            await using (var command = Command(connection))
            {
                command.CommandText = CountByKey;
                AddParameter(command, "$key", key);
                Assert.Equal(expected, (long)(await command.ExecuteScalarAsync())!);
            }

            handles.Add(Assert.Single(SqliteStatements.On(connection)));
        }

        Assert.Single(handles.Distinct());
        Assert.Equal(1, connection.KeptStatements);
        // The customer's values (here a key) do not stay on the kept statement once its command is gone.
        Assert.Empty(connection.Statement(CountByKey).Statement.Parameters);
    }

    [Fact]
    public async Task AStatementStillBeingRead_IsNotLentToASecondCommand()
    {
        await using var database = await SeededAsync();
        await using var connection = Open(database);
        const string sql = "SELECT Key FROM Purposes ORDER BY Key";
        var expected = new List<string>();
        await using (var all = Command(connection))
        {
            all.CommandText = sql;
            await using var reader = await all.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                expected.Add(reader.GetString(0));
            }
        }

        Assert.True(expected.Count >= 2, "the catalog has several purposes");
        await using var first = Command(connection);
        first.CommandText = sql;
        await using var outer = await first.ExecuteReaderAsync();
        Assert.True(await outer.ReadAsync());
        await using (var second = Command(connection))
        {
            second.CommandText = sql;
            await using var inner = await second.ExecuteReaderAsync();
            var read = new List<string>();
            while (await inner.ReadAsync())
            {
                read.Add(inner.GetString(0));
            }

            Assert.Equal(expected, read);
        }

        var rest = new List<string> { outer.GetString(0) };
        while (await outer.ReadAsync())
        {
            rest.Add(outer.GetString(0));
        }

        Assert.Equal(expected, rest);
    }

    [Fact]
    public async Task BeyondTheLimit_SqlIsPreparedForItsOneUse_AndClosedAfter()
    {
        await using var database = await SeededAsync();
        await using var connection = Open(database);
        for (var i = 0; i < KeptSqliteConnection.MaxKeptStatements + 10; i++)
        {
            await using var command = Command(connection);
            command.CommandText = $"SELECT {i}";
            Assert.Equal((long)i, (long)(await command.ExecuteScalarAsync())!);
        }

        Assert.Equal(KeptSqliteConnection.MaxKeptStatements, connection.KeptStatements);
        Assert.Equal(KeptSqliteConnection.MaxKeptStatements, SqliteStatements.On(connection).Count);
    }

    [Fact]
    public async Task AKeptStatement_RunsInTheTransactionOpenAtTheTime()
    {
        await using var database = await SeededAsync();
        await using var connection = Open(database);
        await using (var table = Command(connection))
        {
            table.CommandText = "CREATE TABLE Notes (Name TEXT NOT NULL)";
            await table.ExecuteNonQueryAsync();
        }

        const string insert = "INSERT INTO Notes (Name) VALUES ($name)";
        async Task InsertAsync(DbTransaction transaction, string name)
        {
            await using var command = Command(connection);
            command.CommandText = insert;
            command.Transaction = transaction;
            AddParameter(command, "$name", name);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await using (var undone = await connection.BeginTransactionAsync())
        {
            await InsertAsync(undone, "Rolled back Ltd");
            await undone.RollbackAsync();
        }

        await using (var kept = await connection.BeginTransactionAsync())
        {
            await InsertAsync(kept, "Committed Ltd");
            await kept.CommitAsync();
        }

        await using var count = Command(connection);
        count.CommandText = "SELECT group_concat(Name) FROM Notes";
        Assert.Equal("Committed Ltd", await count.ExecuteScalarAsync());
    }

    private static async Task<TestDatabase> SeededAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        return database;
    }

    private static KeptSqliteConnection Open(TestDatabase database)
    {
        var connection = new KeptSqliteConnection(database.ConnectionString);
        connection.Open();
        SqliteStatements.Track(connection);
        return connection;
    }

    // As EF and RowCommand make theirs: through DbConnection (SqliteConnection.CreateCommand makes one of its own).
    private static DbCommand Command(DbConnection connection) => connection.CreateCommand();

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
