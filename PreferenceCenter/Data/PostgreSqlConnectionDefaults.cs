using System.Data.Common;
using Npgsql;

namespace PreferenceCenter.Data;

/// <summary>
/// What the app adds to a PostgreSQL connection string the operator did not decide: Npgsql prepares the statements
/// the app runs most (<c>Max Auto Prepare</c>) unless the string says otherwise (0 turns it off, e.g. behind a pooler
/// that cannot keep prepared statements). Unprepared, the server parsed and planned each of a group-committed batch's
/// two hundred updates and inserts again: half the batch's time in a burst of one-click unsubscribes (docs/postgresql.md).
/// </summary>
public static class PostgreSqlConnectionDefaults
{
    /// <summary>Statements kept prepared per connection: the app's hot reads and writes fit, with room to spare.</summary>
    public const int MaxAutoPrepare = 64;

    private static readonly string[] AutoPrepareKeys = ["Max Auto Prepare", "MaxAutoPrepare"];

    /// <summary>
    /// Closes the idle pooled connections to the database of <paramref name="connectionString"/>, both those opened with
    /// the string as given and those opened with it as <see cref="Apply"/> leaves it (Npgsql keeps a pool per string),
    /// e.g. before the database is copied as a template or dropped.
    /// </summary>
    public static void ClearPools(string connectionString)
    {
        foreach (var each in new[] { connectionString, Apply(connectionString) }.Distinct(StringComparer.Ordinal))
        {
            using var connection = new NpgsqlConnection(each);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return AutoPrepareKeys.Any(given.ContainsKey)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepare }.ConnectionString;
    }
}
