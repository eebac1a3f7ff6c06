using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class LedgerAnchorTests
{
    private static async Task<LedgerAnchor> HeadAsync(TestDatabase database) =>
        (await new LedgerVerifier(database).VerifyAsync()).Head!;

    [Fact]
    public async Task Verify_ReportsTheLastEntryAsTheHeadToKeep()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await using var db = database.CreateDbContext();
        var last = await db.LedgerEntries.OrderBy(e => e.Sequence).LastAsync();

        Assert.Equal(new LedgerAnchor(5, last.Hash), await HeadAsync(database));
    }

    [Fact]
    public async Task Verify_WithAMatchingAnchor_IsIntact()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        var anchor = await HeadAsync(database);

        Assert.True((await new LedgerVerifier(database).VerifyAsync(anchor)).IsIntact);
    }

    [Fact]
    public async Task Verify_WithAnAnchor_CatchesEntriesCutOffTheEnd()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        var anchor = await HeadAsync(database);
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync("""DELETE FROM "LedgerEntries" WHERE "Sequence" > 3;""");

        var withoutAnchor = await new LedgerVerifier(database).VerifyAsync();
        var withAnchor = await new LedgerVerifier(database).VerifyAsync(anchor);

        Assert.True(withoutAnchor.IsIntact); // the limit of a chain on its own
        Assert.Equal(5, withAnchor.FirstBadSequence);
        Assert.Contains("removed from the end", withAnchor.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithAnAnchor_CatchesAHistoryRewrittenWithEveryHashRecomputed()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        var anchor = await HeadAsync(database);
        await LedgerFixture.DropTriggersAsync(database);
        await RewriteFromAsync(database, sequence: 2, after: "withdrawn-by-someone-else");

        var withoutAnchor = await new LedgerVerifier(database).VerifyAsync();
        var withAnchor = await new LedgerVerifier(database).VerifyAsync(anchor);

        Assert.True(withoutAnchor.IsIntact); // a consistent forgery passes the chain check alone
        Assert.Equal(5, withAnchor.FirstBadSequence);
    }

    [Theory]
    [InlineData("5:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12", true)]
    [InlineData("5:" + "AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12AB12", true)]
    [InlineData("0:ab12", false)]
    [InlineData("5", false)]
    [InlineData("five:ab", false)]
    [InlineData("", false)]
    public void TryParse_AcceptsOnlyAnEntryNumberAndAFullHash(string text, bool valid)
    {
        Assert.Equal(valid, LedgerAnchor.TryParse(text, out var anchor));
        Assert.Equal(valid, anchor is not null);
        if (valid)
        {
            Assert.Equal(text.ToLowerInvariant(), anchor!.ToString());
        }
    }

    /// <summary>What a careful forger does: change one entry, then recompute every hash after it so the chain still links.</summary>
    private static async Task RewriteFromAsync(TestDatabase database, long sequence, string after)
    {
        await database.ExecuteRawAsync($"""UPDATE "LedgerEntries" SET "After" = '{after}' WHERE "Sequence" = {sequence};""");
        await using var db = database.CreateDbContext();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence >= sequence - 1).OrderBy(e => e.Sequence).ToListAsync();
        var previous = entries[0].Hash;
        foreach (var entry in entries.Skip(1))
        {
            var forged = new LedgerEntry
            {
                Sequence = entry.Sequence, OccurredAt = entry.OccurredAt, EventType = entry.EventType, ActorKind = entry.ActorKind,
                ActorId = entry.ActorId, SubjectId = entry.SubjectId, Source = entry.Source, NoticeVersion = entry.NoticeVersion,
                PurposeKey = entry.PurposeKey, Channel = entry.Channel, Before = entry.Before, After = entry.After, Detail = entry.Detail,
                PreviousHash = previous,
            };
            var hash = LedgerCanonicalForm.ComputeHash(forged);
            await database.ExecuteRawAsync($"""UPDATE "LedgerEntries" SET "PreviousHash" = '{previous}', "Hash" = '{hash}' WHERE "Sequence" = {entry.Sequence};""");
            previous = hash;
        }
    }
}
