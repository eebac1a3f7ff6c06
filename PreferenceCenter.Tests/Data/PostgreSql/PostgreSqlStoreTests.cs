using Microsoft.EntityFrameworkCore;
using Npgsql;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Infrastructure.Jobs;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data.PostgreSql;

/// <summary>The store's guarantees on PostgreSQL, against a real server (test.sh's throw-away cluster).</summary>
public sealed class PostgreSqlStoreTests
{
    private static LedgerDraft Draft(int n) =>
        new(LedgerEventType.FeedbackGiven, Actor.System($"writer-{n}"), null, ChangeSource.System, Detail: $"change {n}");

    [PostgreSqlFact]
    public async Task Migrations_ApplyOnAnEmptyDatabase_AndLeaveNothingPending()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync(migrate: false);
        await using var db = database.CreateDbContext();

        await db.Database.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(0, await db.LedgerEntries.CountAsync());
    }

    [PostgreSqlFact]
    public async Task Ledger_RefusesUpdateDeleteAndTruncate_FromAnyClient()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await new LedgerWriter(TimeProvider.System).AppendAsync(db, Draft(1));
            await db.SaveChangesAsync();
        }

        foreach (var (sql, verb) in new[]
                 {
                     ("UPDATE \"LedgerEntries\" SET \"Detail\" = 'rewritten'", "updated"),
                     ("DELETE FROM \"LedgerEntries\"", "deleted"),
                     ("TRUNCATE \"LedgerEntries\"", "truncated"),
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteRawAsync(sql));
            Assert.Equal(("55000", $"LedgerEntries is append-only: rows cannot be {verb}"), (refused.SqlState, refused.MessageText));
        }

        Assert.Equal("change 1", await database.ScalarAsync("SELECT \"Detail\" FROM \"LedgerEntries\""));
    }

    /// <summary>Two instances (two pools) append at once, each change in its own write transaction as the services do.</summary>
    [PostgreSqlFact]
    public async Task TwoInstancesAppendingAtOnce_EveryChangeCommits_AndTheChainNeverForks()
    {
        const int PerInstance = 60;
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var writer = new LedgerWriter(TimeProvider.System);
        var instances = new[] { database.NewInstance(), database.NewInstance() };

        var committed = await Task.WhenAll(Enumerable.Range(0, 2 * PerInstance).Select(async n =>
        {
            await using var db = await instances[n % 2].CreateDbContextAsync();
            await using var transaction = await db.BeginWriteAsync();
            await writer.AppendAsync(db, Draft(n));
            return await db.TryCommitAsync(transaction);
        }));

        Assert.All(committed, Assert.True);
        await using var read = database.CreateDbContext();
        var chain = await read.LedgerEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 2 * PerInstance).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.Equal(LedgerCanonicalForm.Genesis, chain[0].PreviousHash);
        Assert.All(chain.Skip(1).Zip(chain), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(chain, e => Assert.Equal(LedgerCanonicalForm.ComputeHash(e), e.Hash));
    }

    /// <summary>Without the lock (a client that skips it), the sequence's key still refuses a second entry on the same tail.</summary>
    [PostgreSqlFact]
    public async Task TwoWritersOnTheSameTail_WithoutTheLock_TheSecondIsRefusedByTheKey()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var first = database.CreateDbContext();
        await using var second = database.CreateDbContext();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        await using var secondTransaction = await second.Database.BeginTransactionAsync();
        first.LedgerEntries.Add(Entry(1, "first"));
        second.LedgerEntries.Add(Entry(1, "second"));

        await first.SaveChangesAsync();
        var racing = second.SaveChangesAsync();
        await firstTransaction.CommitAsync();

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => racing);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM \"LedgerEntries\""));
    }

    [PostgreSqlFact]
    public async Task TextWithANul_IsSavedWithTheReplacementCharacter_WhereTheServerWouldRefuseTheStatement()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            db.Add(new PreferenceCenter.Features.Privacy.Purpose { Key = "nul-test", Icon = "Info\0Outline" });
            await db.SaveChangesAsync();
        }

        Assert.Equal("Info\uFFFDOutline", await database.ScalarAsync("SELECT \"Icon\" FROM \"Purposes\" WHERE \"Key\" = 'nul-test'"));
        // What the interceptor saves the app from: the server refuses a NUL outright.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteRawAsync("SELECT E'a\\x00b'"));
        Assert.Equal(PostgresErrorCodes.CharacterNotInRepertoire, refused.SqlState);
    }

    /// <summary>A script's "the user whose id is U+0000" was a 500 (22021) on PostgreSQL; on SQLite it finds no one.</summary>
    [PostgreSqlFact]
    public async Task LookupsByTextWithANul_FindWhatWasStoredForIt_WhereTheServerWouldRefuseTheStatement()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        db.Add(new PreferenceCenter.Features.Privacy.Purpose { Key = "stored\0key", Icon = "Info" });
        await db.SaveChangesAsync();

        // Values from variables, as a request's are: they go as parameters (a constant would be inlined in the SQL).
        var userId = "\0";
        var key = "stored\0key";
        var keys = new List<string> { "\0", key };
        Assert.Empty(await db.Users.Where(u => u.Id == userId).ToListAsync());
        Assert.Equal(["stored\uFFFDkey"], await db.Purposes.Where(p => keys.Contains(p.Key)).Select(p => p.Key).ToListAsync());
        Assert.Equal(1, await db.Purposes.Where(p => p.Key == key).ExecuteUpdateAsync(u => u.SetProperty(p => p.Icon, "Info")));
    }

    [PostgreSqlFact]
    public async Task ExpiryIndex_IsPartial_CoveringOnlyConsentsThatEnd()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();

        var definition = (string?)await database.ScalarAsync("SELECT indexdef FROM pg_indexes WHERE indexname = 'IX_Consents_ExpiresAt'");

        Assert.EndsWith("WHERE (\"ExpiresAt\" IS NOT NULL)", definition, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Lease_TakenByManyHoldersAtOnce_GoesToExactlyOne()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var leases = Enumerable.Range(0, 2).Select(_ => new DatabaseLease(database.NewInstance(), TimeProvider.System)).ToArray();

        var taken = await Task.WhenAll(Enumerable.Range(0, 16).Select(n =>
            leases[n % 2].TryAcquireAsync("outbox", $"holder-{n}", TimeSpan.FromMinutes(1))));

        Assert.Single(taken, t => t);
        await using var db = database.CreateDbContext();
        var lease = await db.Leases.SingleAsync();
        Assert.Equal("outbox", lease.Name);
    }

    private static LedgerEntry Entry(long sequence, string detail)
    {
        var entry = new LedgerEntry
        {
            Sequence = sequence, OccurredAt = DateTimeOffset.UnixEpoch, EventType = LedgerEventType.FeedbackGiven, ActorKind = ActorKind.System,
            ActorId = "race", Source = ChangeSource.System, Detail = detail, PreviousHash = LedgerCanonicalForm.Genesis,
        };
        entry.Seal();
        return entry;
    }
}
