using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Import;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using static PreferenceCenter.Tests.Features.Import.ImportFileReaderTests;

namespace PreferenceCenter.Tests.Features.Import;

/// <summary>Real runs on the real database: idempotent, resumable, suppression respected, double opt-in kept, claimed at sign-up.</summary>
public sealed class ImportRunTests(ImportFixture fixture) : IClassFixture<ImportFixture>
{
    private static string Email(string name) => $"{name}-{Guid.NewGuid():N}@example.com";

    /// <summary>The page passes the browser's file name: a NUL (which PostgreSQL's text refuses) is recorded as U+FFFD.</summary>
    [Fact]
    public async Task AFileNameWithANul_IsRecordedWithoutIt()
    {
        var start = await fixture.Imports.StartAsync(ImportFixture.File(Row(email: Email("nul"))), "shop\0.csv", ImportFixture.Officer);

        Assert.Equal("shop\uFFFD.csv", start.Run!.FileName);
        Assert.Equal("shop\uFFFD.csv", (await fixture.Imports.GetAsync(start.Run.Id))!.FileName);
    }

    [Fact]
    public async Task TheSameFileTwice_WritesNothingNew()
    {
        var file = ImportFixture.File(Row(email: Email("a")), Row(email: Email("b"), channel: "email", confirmed: "2025-03-15T00:00:00Z"), Row(email: Email("c"), state: "withdrawn"));
        var first = await fixture.RunAsync(file);
        var (consents, customers, entries) = await CountsAsync();

        var second = await fixture.RunAsync(file);

        Assert.Equal((2, 1, 3), (first.Written, first.Unchanged, first.CustomersCreated));
        Assert.Equal((0, 0, 3, 0), (second.Written, second.Unchanged, second.AlreadyImported, second.CustomersCreated));
        // Only the second run's own start and finish entries are new.
        Assert.Equal((consents, customers, entries + 2), await CountsAsync());
    }

    [Fact]
    public async Task AStopAfterChunkK_ResumesFromThere_AndEndsAsAnUninterruptedRunWould()
    {
        static byte[] Seven(string prefix) => ImportFixture.File([.. Enumerable.Range(0, 7).Select(i =>
            Row(email: $"{prefix}{i}@example.com", channel: i % 2 == 0 ? "sms" : "email", confirmed: i % 3 == 0 ? "2025-04-01T00:00:00Z" : ""))]);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var whole = await fixture.RunAsync(Seven($"whole-{tag}-"));

        var id = await fixture.QueueAsync(Seven($"stopped-{tag}-"));
        Assert.Equal(ImportRunState.Running, await fixture.Runner().RunAsync(id, maxChunks: 2));
        var halfway = (await fixture.Imports.GetAsync(id))!;
        Assert.Equal((4, "running"), (halfway.ProcessedRows, halfway.State));
        Assert.Equal(ImportRunState.Completed, await fixture.Runner().RunAsync(id));

        var resumed = (await fixture.Imports.GetAsync(id))!;
        Assert.Equal(whole with { Id = id, CreatedAt = resumed.CreatedAt, FinishedAt = resumed.FinishedAt }, resumed);
        Assert.Equal(await EntriesAsync(whole.Id), await EntriesAsync(id));
        var states = await StatesAsync($"stopped-{tag}-");
        Assert.Equal(await StatesAsync($"whole-{tag}-"), states);
        Assert.True((await fixture.App.Services.GetRequiredService<LedgerVerifier>().VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task ASuppressedAddress_IsRefusedAndCounted_AndNoCustomerIsMade()
    {
        var erased = Email("erased");
        await fixture.App.SuppressAsync(erased);

        var run = await fixture.RunAsync(ImportFixture.File(Row(email: erased), Row(email: Email("fine"))));

        Assert.Equal((1, 1, 1), (run.Suppressed, run.Written, run.CustomersCreated));
        Assert.Null(await fixture.CustomerOfAsync(erased));
    }

    [Fact]
    public async Task MarketingByEmail_WaitsForDoubleOptIn_UnlessTheFileProvesConfirmation()
    {
        var (unproven, confirmed) = (Email("doi"), Email("confirmed"));

        await fixture.RunAsync(ImportFixture.File(Row(email: unproven, channel: "email"), Row(email: confirmed, channel: "email", confirmed: "2025-03-14T10:00:00Z")));

        Assert.Equal(ConsentState.PendingConfirmation, await StateAsync(unproven));
        Assert.Equal(ConsentState.Granted, await StateAsync(confirmed));
    }

    [Fact]
    public async Task AnImportedCustomer_WithoutAnAccount_IsClaimedWhenTheySignUpWithTheSameAddress()
    {
        var email = Email("claim");
        await fixture.RunAsync(ImportFixture.File(Row(email: email)));
        var imported = (await fixture.CustomerOfAsync(email))!.Value;
        Assert.Null(await fixture.App.ReadAsync(db => db.Customers.Where(c => c.Id == imported).Select(c => c.UserId).SingleAsync()));

        var userId = Guid.NewGuid().ToString();
        var customer = await fixture.App.Services.GetRequiredService<CustomerAccounts>().CreateForUserAsync(userId, email.ToUpperInvariant(), "en");

        Assert.Equal(imported, customer.Id);
        Assert.Equal(userId, await fixture.App.ReadAsync(db => db.Customers.Where(c => c.Id == imported).Select(c => c.UserId).SingleAsync()));
        var index = fixture.App.Services.GetRequiredService<BlindIndex>().OfEmail(email);
        Assert.Equal(1, await fixture.App.ReadAsync(db => db.CustomerProfiles.CountAsync(p => p.EmailIndex == index)));
        Assert.Contains((await fixture.App.LedgerAsync(imported)), e => e.EventType == LedgerEventType.ImportedRecordClaimed);
    }

    [Fact]
    public async Task TheCustomersHistory_SaysInPlainWordsWhereAndWhenTheyAgreed()
    {
        var email = Email("history");
        await fixture.RunAsync(ImportFixture.File(Row(email: email, source: "Northwind shop", point: "checkout")));
        var customer = (await fixture.CustomerOfAsync(email))!.Value;

        var page = await fixture.App.Services.GetRequiredService<HistoryService>().GetPageAsync(customer, 1);
        using var scope = fixture.App.Services.CreateScope();
        var describer = scope.ServiceProvider.GetRequiredService<HistoryDescriber>();
        var sentences = page.Items.Select(i => describer.Describe(i, HistoryVocabulary.Empty)).ToList();

        Assert.Contains("Imported from Northwind shop: you agreed to marketing by SMS on 14 March 2025 at checkout", sentences);
    }

    private async Task<ConsentState?> StateAsync(string email)
    {
        var id = (await fixture.CustomerOfAsync(email))!.Value;
        return await fixture.App.ReadAsync(db => db.Consents.Where(c => c.CustomerId == id).Select(c => (ConsentState?)c.State).SingleAsync());
    }

    // Only the import's own entries (Source = Import): the app's jobs write entries about the imported consents at their
    // own pace (receipts, expiries, reminders), and counting those made the comparison depend on
    // when a job ran (a receipt, and later another job's entry, landed between the two counts).
    private Task<(int, int, int)> CountsAsync() => fixture.App.ReadAsync(async db =>
        (await db.Consents.CountAsync(), await db.Customers.CountAsync(), await db.LedgerEntries.CountAsync(e => e.Source == ChangeSource.Import)));

    // Per event type, how many entries a run wrote (each names the run in its Detail).
    private Task<List<(LedgerEventType, int)>> EntriesAsync(Guid run) => fixture.App.ReadAsync(async db =>
        (await db.LedgerEntries.Where(e => e.Detail!.Contains(run.ToString())).GroupBy(e => e.EventType).Select(g => new { g.Key, Count = g.Count() })
            .OrderBy(g => g.Key).ToListAsync()).Select(g => (g.Key, g.Count)).ToList());

    private async Task<List<(int, Channel, ConsentState)>> StatesAsync(string prefix)
    {
        var found = new List<(int, Channel, ConsentState)>();
        for (var i = 0; i < 7; i++)
        {
            var id = (await fixture.CustomerOfAsync($"{prefix}{i}@example.com"))!.Value;
            var consent = await fixture.App.ReadAsync(db => db.Consents.SingleAsync(c => c.CustomerId == id));
            found.Add((i, consent.Channel, consent.State));
        }

        return found;
    }
}
