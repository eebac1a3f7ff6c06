using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Resources;
using PreferenceCenter.Tests.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>The erasure's last email, through a real SMTP server (aiosmtpd), and an erasure that goes on when mail fails.</summary>
public sealed class ErasureCompletionEmailTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private static ErasureCompletionNotice Notice(PersonalDataFixture fixture, int smtpPort)
    {
        var options = Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtpPort, Security = SmtpSecurity.None } });
        var text = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();
        return new ErasureCompletionNotice(
            fixture.Database, fixture.Sealer, new SmtpEmailTransport(options), new MailComposer(options), text, fixture.Ledger,
            NullLogger<ErasureCompletionNotice>.Instance);
    }

    private static async Task<List<LedgerEntry>> EntriesAsync(PersonalDataFixture fixture)
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task AnErasure_EmailsWhatWasErasedAndKept_AfterTheSignInGoes_AndBeforeTheKeyDoes()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var address = $"ada.{Guid.NewGuid():N}@example.com";
        var ada = await fixture.SignUpAsync(address);

        var result = await fixture.Erasure(notice: Notice(fixture, sink.Port)).ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Equal(ErasureOutcome.Saved, result.Outcome);
        var message = Assert.Single(await sink.MessagesToAsync(address));
        Assert.Equal("Your data has been erased", message.Subject);
        Assert.Contains("we have erased your personal data", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("one-way fingerprint of your email address", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("the law asks us to be able to prove what was agreed", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>This is the last email you will receive from us at this address.</p>", message.HtmlBody, StringComparison.Ordinal);

        var order = (await EntriesAsync(fixture)).Where(e => e.SubjectId == ada).Select(e => e.EventType).ToList();
        var emailed = order.IndexOf(LedgerEventType.ErasureCompletionEmailed);
        Assert.Equal(LedgerEventType.ErasureSignInDeleted, order[emailed - 1]);
        Assert.Equal(LedgerEventType.ErasureKeyDestroyed, order[emailed + 1]);
        Assert.Equal(ErasureCompletionNotice.Sent, (await EntriesAsync(fixture)).Single(e => e.EventType == LedgerEventType.ErasureCompletionEmailed).Detail);
        Assert.True((await fixture.Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AnErasure_InTheCustomersLanguage()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var address = $"lucia.{Guid.NewGuid():N}@example.com";
        var lucia = await fixture.SignUpAsync(address);
        await using (var db = fixture.Database.CreateDbContext())
        {
            await db.Customers.Where(c => c.Id == lucia).ExecuteUpdateAsync(u => u.SetProperty(c => c.PreferredCulture, "it"));
        }

        await fixture.Erasure(notice: Notice(fixture, sink.Port)).ExecuteAsync(lucia, PersonalDataFixture.Officer);

        var message = Assert.Single(await sink.MessagesToAsync(address));
        Assert.Equal("I tuoi dati sono stati cancellati", message.Subject);
        Assert.Contains("Questa è l'ultima email che riceverai da noi", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheMailServerIsDown_TheErasureStillCompletes_AndTheFailureIsRecorded()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync($"ada.{Guid.NewGuid():N}@example.com");

        var result = await fixture.Erasure(notice: Notice(fixture, LoopbackPorts.Free())).ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Equal(ErasureOutcome.Saved, result.Outcome);
        var entries = await EntriesAsync(fixture);
        Assert.Equal(ErasureCompletionNotice.Failed, entries.Single(e => e.EventType == LedgerEventType.ErasureCompletionEmailed).Detail);
        Assert.Contains(entries, e => e.EventType == LedgerEventType.ErasureStorageForgotten);
    }

    [Fact]
    public async Task AnErasureResumedAfterACrash_SendsTheEmailOnce()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var address = $"ada.{Guid.NewGuid():N}@example.com";
        var ada = await fixture.SignUpAsync(address);
        var notice = Notice(fixture, sink.Port);
        var crashing = fixture.Erasure(step => step == ErasureStep.SuppressionWritten ? throw new IOException("power cut") : Task.CompletedTask, notice);
        await Assert.ThrowsAsync<IOException>(() => crashing.ExecuteAsync(ada, PersonalDataFixture.Officer));

        await fixture.Erasure(notice: notice).ExecuteAsync(ada, PersonalDataFixture.Officer);
        await fixture.Erasure(notice: notice).ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Single(await sink.MessagesToAsync(address));
        Assert.Single(await EntriesAsync(fixture), e => e.EventType == LedgerEventType.ErasureCompletionEmailed);
    }
}
