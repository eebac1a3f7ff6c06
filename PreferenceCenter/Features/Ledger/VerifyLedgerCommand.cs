using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// <c>dotnet run --project PreferenceCenter -- verify-ledger [--anchor N:HASH]</c>. It reads the database and nothing
/// else: opened read-only (nothing migrated, nothing created), before the app's services are built, so it runs with
/// only the connection string and no personal-data keys. Exit codes:
/// <list type="bullet">
/// <item>0 (<see cref="Verified"/>): every entry verifies; the head is printed, to keep as the next anchor.</item>
/// <item>1 (<see cref="Forged"/>): the first bad entry is named, or the table's columns were changed.</item>
/// <item>2 (<see cref="Usage"/>): a malformed anchor.</item>
/// <item>3 (<see cref="Unreadable"/>): the database cannot be read: no file there (no server, no database), not a database, damaged, or no ledger in it.</item>
/// </list>
/// </summary>
public static class VerifyLedgerCommand
{
    public const string Name = "verify-ledger";
    public const string AnchorOption = "--anchor";

    public const int Verified = 0;
    public const int Forged = 1;
    public const int Usage = 2;
    public const int Unreadable = 3;

    public static bool IsRequested(string[] args) =>
        args.Any(a => a.TrimStart('-').Equals(Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Verifies the configured database, on either provider.</summary>
    public static Task<int> RunAsync(string[] args, DatabaseSettings database, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(output);
        return database.Provider == DatabaseProvider.PostgreSQL
            ? RunOnPostgreSqlAsync(args, database.ConnectionString, output)
            : RunAsync(args, database.ConnectionString, output);
    }

    /// <summary>
    /// Verifies the PostgreSQL database <paramref name="connectionString"/> names, in a session the server keeps read
    /// only (<c>default_transaction_read_only</c>): no migration, no write, whatever the account may do.
    /// </summary>
    public static Task<int> RunOnPostgreSqlAsync(string[] args, string connectionString, TextWriter output)
    {
        var readOnly = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        readOnly.Options = $"{readOnly.Options} -c default_transaction_read_only=on".Trim();
        var verifier = new LedgerVerifier(new PostgreSqlContextFactory(
            new PooledDbContextFactory<PostgreSqlAppDbContext>(StandaloneDbContextOptions.ForPostgreSql(readOnly.ToString()))));
        return RunAsync(args, verifier, output, $"{readOnly.Database} on {readOnly.Host}:{readOnly.Port}");
    }

    /// <summary>Verifies the SQLite database at <paramref name="connectionString"/>, opened read-only.</summary>
    public static Task<int> RunAsync(string[] args, string connectionString, TextWriter output)
    {
        var readOnly = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var verifier = new LedgerVerifier(new PooledDbContextFactory<AppDbContext>(StandaloneDbContextOptions.ForSqlite(readOnly.ToString())));
        return RunAsync(args, verifier, output, readOnly.DataSource);
    }

    public static async Task<int> RunAsync(string[] args, LedgerVerifier verifier, TextWriter output, string? database = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(output);
        var at = Array.IndexOf(args, AnchorOption);
        LedgerAnchor? anchor = null;
        if (at >= 0 && !LedgerAnchor.TryParse(at + 1 < args.Length ? args[at + 1] : null, out anchor))
        {
            await output.WriteLineAsync($"Usage: {Name} [{AnchorOption} N:HASH] — an anchor is an entry number, a colon and its 64-character hash, as printed by an earlier run.");
            return Usage;
        }

        var result = await verifier.VerifyAsync(anchor);
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"Ledger verified: all {result.EntriesChecked} entries are intact{(anchor is null ? "" : $", including the anchored entry {anchor.Sequence}")}.");
            if (result.Head is not null)
            {
                await output.WriteLineAsync($"Head: {result.Head}  (keep this outside the database; '{Name} {AnchorOption} {result.Head}' later proves nothing up to it was removed or changed)");
            }

            return Verified;
        }

        if (result.DatabaseUnreadable)
        {
            await output.WriteLineAsync($"Ledger verification FAILED: {result.Problem}.{(database is null ? "" : $" Database: {database}")}");
            return Unreadable;
        }

        await output.WriteLineAsync(result.FirstBadSequence is { } bad
            ? $"Ledger verification FAILED at entry {bad}: {result.Problem}. {result.EntriesChecked} entries before it verified."
            : $"Ledger verification FAILED: {result.Problem}.");
        return Forged;
    }
}
