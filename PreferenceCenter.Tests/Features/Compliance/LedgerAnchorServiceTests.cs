using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Compliance;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Infrastructure.Jobs;
using PreferenceCenter.Resources;
using PreferenceCenter.Tests.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Compliance;

/// <summary>The daily anchor through a real SMTP server: the DPO receives the head, the app records it, the panel checks against it.</summary>
public sealed class LedgerAnchorServiceTests(SmtpSink smtp) : IClassFixture<SmtpSink>
{
    private readonly string dpo = $"dpo-{Guid.NewGuid():N}@example.com";

    private LedgerAnchorService ServiceFor(TestDatabase database, TimeProvider clock, string? dpoAddress, string language = "en")
    {
        var email = Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None } });
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new LedgerAnchorService(
            database, new LedgerVerifier(database), new SmtpEmailTransport(email), new MailComposer(email),
            services.GetRequiredService<IStringLocalizer<SharedResource>>(), Options.Create(new ComplianceOptions { DpoAddress = dpoAddress, DpoLanguage = language }),
            clock, NullLogger<LedgerAnchorService>.Instance);
    }

    [Fact]
    public async Task Anchor_EmailsTheHeadToTheDpo_RecordsIt_AndNotAgainUntilADayHasPassed()
    {
        var clock = new FakeTimeProvider(LedgerFixture.Start.AddHours(1));
        await using var database = await LedgerFixture.WithEntriesAsync(3);
        var anchors = ServiceFor(database, clock, dpo);
        var head = (await new LedgerVerifier(database).VerifyAsync()).Head!;

        Assert.Equal(AnchorOutcome.Anchored, await anchors.AnchorIfDueAsync());
        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(AnchorOutcome.NotDue, await anchors.AnchorIfDueAsync());

        var mail = Assert.Single(await smtp.MessagesToAsync(dpo));
        Assert.Equal("Ledger anchor: entry 3", mail.Subject);
        Assert.Contains($"verify-ledger --anchor {head}", mail.TextBody, StringComparison.Ordinal);
        var recorded = await anchors.LatestAsync();
        Assert.Equal((3L, head.Hash, LedgerFixture.Start.AddHours(1), dpo), (recorded!.Sequence, recorded.Hash, recorded.AnchoredAt, recorded.SentTo));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(AnchorOutcome.Anchored, await anchors.AnchorIfDueAsync());
        Assert.Equal(2, (await smtp.MessagesToAsync(dpo)).Count);
    }

    [Fact]
    public async Task Anchor_IsWrittenInTheDposLanguage()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);
        var anchors = ServiceFor(database, new FakeTimeProvider(LedgerFixture.Start.AddHours(1)), dpo, "it");

        Assert.Equal(AnchorOutcome.Anchored, await anchors.AnchorIfDueAsync());

        var mail = Assert.Single(await smtp.MessagesToAsync(dpo));
        Assert.Equal("Ancoraggio del registro: voce 2", mail.Subject);
        Assert.Contains("verify-ledger --anchor", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anchor_WithoutADpoAddress_SendsAndRecordsNothing()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);

        Assert.Equal(AnchorOutcome.NoDpoAddress, await ServiceFor(database, new FakeTimeProvider(LedgerFixture.Start), null).AnchorIfDueAsync());

        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.LedgerAnchors.CountAsync());
    }

    [Fact]
    public async Task Verify_AgainstTheLatestAnchor_CatchesEntriesCutOffTheEnd_AndNoNewAnchorVouchesForIt()
    {
        var clock = new FakeTimeProvider(LedgerFixture.Start.AddHours(1));
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        var anchors = ServiceFor(database, clock, dpo);
        await anchors.AnchorIfDueAsync();
        Assert.True((await anchors.VerifyAsync()).Verification.IsIntact);

        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync("""DELETE FROM "LedgerEntries" WHERE "Sequence" > 3;""");
        var check = await anchors.VerifyAsync();
        clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal((5L, 5L), (check.Anchor!.Sequence, check.Verification.FirstBadSequence!.Value));
        Assert.Equal(AnchorOutcome.LedgerBroken, await anchors.AnchorIfDueAsync());
        Assert.Single(await smtp.MessagesToAsync(dpo));
    }

    [Fact]
    public async Task Job_WhileAnotherInstanceHoldsTheLease_SendsNothing()
    {
        var clock = new FakeTimeProvider(LedgerFixture.Start.AddHours(1));
        await using var database = await LedgerFixture.WithEntriesAsync(1);
        var lease = new DatabaseLease(database, clock);
        using var job = new LedgerAnchorJob(ServiceFor(database, clock, dpo), Options.Create(new ComplianceOptions()), lease, clock, NullLogger<LedgerAnchorJob>.Instance);
        Assert.True(await lease.TryAcquireAsync(LedgerAnchorJob.LeaseName, "another-instance", TimeSpan.FromMinutes(5)));

        Assert.False(await job.RunOnceAsync());
        Assert.Empty(await smtp.MessagesToAsync(dpo));
    }
}
