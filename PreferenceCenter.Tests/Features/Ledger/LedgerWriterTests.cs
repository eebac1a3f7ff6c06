using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class LedgerWriterTests
{
    [Fact]
    public async Task Append_FirstEntry_ChainsToGenesisAndGetsSequenceOne()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(1);
        await using var db = database.CreateDbContext();

        var entry = await db.LedgerEntries.SingleAsync();

        Assert.Equal(1, entry.Sequence);
        Assert.Equal(LedgerCanonicalForm.Genesis, entry.PreviousHash);
        Assert.Equal(LedgerCanonicalForm.ComputeHash(entry), entry.Hash);
    }

    /// <summary>
    /// SQLite's binding cuts text longer than 512 UTF-8 bytes at its first NUL, and cannot store a lone surrogate: the
    /// entry is sealed with the text as stored, so the ledger's own entry never fails verification.
    /// </summary>
    [Theory]
    [InlineData("a NUL in a long reason:\0 and more")]
    [InlineData("a lone surrogate in a long reason: \uD800 and more")]
    public async Task Append_TextThatSqliteCannotStoreAsItIs_IsSealedAsStored(string escaped)
    {
        var reason = new string('\u00E9', 300) + System.Text.RegularExpressions.Regex.Unescape(escaped);
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await new LedgerWriter(TimeProvider.System).AppendAsync(db, new LedgerDraft(
                LedgerEventType.FeedbackGiven, Actor.Staff("staff", reason), null, ChangeSource.Support, Detail: reason));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateDbContext();
        var stored = await read.LedgerEntries.SingleAsync();

        Assert.True((await new LedgerVerifier(database).VerifyAsync()).IsIntact);
        Assert.Equal(reason.Length, stored.Reason!.Length);
        Assert.Equal(reason.Replace('\0', '\uFFFD').Replace('\uD800', '\uFFFD'), stored.Detail);
    }

    [Fact]
    public async Task Append_RecordsTheInjectedClockInUtcToTheMillisecond()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 11, 14, 5, 123, TimeSpan.FromHours(1)).AddTicks(4567));
        await using var database = await LedgerFixture.WithEntriesAsync(1, clock);
        await using var db = database.CreateDbContext();

        var entry = await db.LedgerEntries.SingleAsync();

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 14, 5, 123, TimeSpan.Zero), entry.OccurredAt);
        Assert.Equal(TimeSpan.Zero, entry.OccurredAt.Offset);
    }

    [Fact]
    public async Task Append_TwiceInOneUnitOfWork_ChainsTheSecondToTheFirst()
    {
        await using var database = await TestDatabase.CreateAsync();
        var writer = new LedgerWriter(new FakeTimeProvider(LedgerFixture.Start));
        var subject = Guid.NewGuid();
        await using (var db = database.CreateDbContext())
        {
            await writer.AppendAsync(db, new LedgerDraft(LedgerEventType.ConsentGranted, Actor.Customer(subject), subject, ChangeSource.Web, 1, "marketing", Channel.Email));
            await writer.AppendAsync(db, new LedgerDraft(LedgerEventType.ConsentGranted, Actor.Customer(subject), subject, ChangeSource.Web, 1, "marketing", Channel.Sms));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateDbContext();
        var entries = await read.LedgerEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1L, 2L], entries.Select(e => e.Sequence));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
    }

    [Fact]
    public async Task Append_KeepsActorSubjectAndOnBehalfDetailsApart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var writer = new LedgerWriter(new FakeTimeProvider(LedgerFixture.Start));
        var subject = Guid.NewGuid();
        var agent = new Actor(ActorKind.Staff, "agent-7", "Customer called to opt out", "phone");
        await using (var db = database.CreateDbContext())
        {
            await writer.AppendAsync(db, new LedgerDraft(LedgerEventType.ConsentWithdrawn, agent, subject, ChangeSource.Support, 1, "marketing", Channel.Sms, "granted", "withdrawn"));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateDbContext();
        var entry = await read.LedgerEntries.SingleAsync();
        Assert.Equal((ActorKind.Staff, "agent-7", subject), (entry.ActorKind, entry.ActorId, entry.SubjectId!.Value));
        Assert.Equal(("Customer called to opt out", "phone"), (entry.Reason, entry.RequestChannel));
        Assert.Equal((ChangeSource.Support, 1, "granted", "withdrawn"), (entry.Source, entry.NoticeVersion!.Value, entry.Before, entry.After));
    }

    [Fact]
    public async Task Batch_ContinuesTheChain_AndARollbackLeavesNoEntry()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);
        var writer = new LedgerWriter(new FakeTimeProvider(LedgerFixture.Start));
        var subject = Guid.NewGuid();
        var draft = new LedgerDraft(LedgerEventType.ConsentWithdrawn, Actor.Customer(subject), subject, ChangeSource.OneClickUnsubscribe, 1, "marketing", Channel.Email, "granted", "withdrawn");
        await using (var db = database.CreateDbContext())
        await using (var tx = await db.BeginWriteAsync())
        await using (var batch = await writer.BeginBatchAsync(db))
        {
            await batch.AppendAsync(draft);
            // Not committed: disposing the transaction rolls it back.
        }

        await using (var db = database.CreateDbContext())
        await using (var tx = await db.BeginWriteAsync())
        {
            await using (var batch = await writer.BeginBatchAsync(db))
            {
                Assert.Equal(3, (await batch.AppendAsync(draft)).Sequence);
                Assert.Equal(4, (await batch.AppendAsync(draft with { Channel = Channel.Sms })).Sequence);
            }

            await tx.CommitAsync();
        }

        await using var read = database.CreateDbContext();
        Assert.Equal([1L, 2L, 3L, 4L], await read.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.True((await new LedgerVerifier(database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task BatchAfterAKnownTail_ContinuesFromIt_ButIsRefusedWhileAnEntryWaitsInTheTracker()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);
        var writer = new LedgerWriter(new FakeTimeProvider(LedgerFixture.Start));
        var draft = new LedgerDraft(LedgerEventType.NoticePublished, Actor.System("test"), null, ChangeSource.System);
        await using (var db = database.CreateDbContext())
        await using (var tx = await db.BeginWriteAsync())
        {
            var tail = await db.LedgerEntries.OrderByDescending(e => e.Sequence).Select(e => new ChainTail(e.Sequence, e.Hash)).FirstAsync();
            await using (var batch = writer.BeginBatch(db, tail))
            {
                Assert.Equal(3, (await batch.AppendAsync(draft)).Sequence);
            }

            // Waiting in the tracker, not yet in the table: a batch after the table's tail would fork the chain.
            await writer.AppendAsync(db, draft);
            var refused = Assert.Throws<InvalidOperationException>(() => writer.BeginBatch(db, tail));
            Assert.Contains("Ledger entry 4 is still waiting", refused.Message, StringComparison.Ordinal);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        await using var read = database.CreateDbContext();
        Assert.Equal([1L, 2L, 3L, 4L], await read.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.True((await new LedgerVerifier(database).VerifyAsync()).IsIntact);
    }
}
