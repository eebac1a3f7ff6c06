using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.MyData;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Preferences.Feedback;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Tests.Features.Erasure;
using PreferenceCenter.Tests.Features.Preferences;
using PreferenceCenter.Tests.TestHost;

using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.MyData;

public sealed class MyDataServiceTests : IAsyncLifetime
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private ErasureFixture fixture = null!;

    private MyDataService MyData => fixture.Services.GetRequiredService<MyDataService>();
    private Actor Me => Actor.Customer(fixture.CustomerId);

    public async Task InitializeAsync()
    {
        fixture = await ErasureFixture.CreateAsync();
        var consents = fixture.Services.GetRequiredService<ConsentService>();
        await consents.SetAsync(new ConsentChange(fixture.CustomerId, "marketing", Channel.Email, true, 0, Me, ChangeSource.Web));
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await consents.SetAsync(new ConsentChange(fixture.CustomerId, "marketing", Channel.Email, false, 1, Me, ChangeSource.Web));
        await consents.SetAsync(new ConsentChange(fixture.CustomerId, "profiling", Channel.Email, true, 0, Actor.Staff("agent-1", "asked by phone", "phone"), ChangeSource.Support));
        var question = await fixture.Services.GetRequiredService<QuestionAdminService>().SaveAsync(QuestionSamples.FreeText(), ErasureFixture.OfficerActor);
        await fixture.Services.GetRequiredService<AnswerService>().AnswerAsync(fixture.CustomerId, question.Id!.Value, AnswerInput.Write("I like long walks"), 0, Me, ChangeSource.Web);
        await fixture.Services.GetRequiredService<ContactRulesService>().SetFrequencyAsync(
            fixture.CustomerId, Channel.Email, ContactFrequency.Monthly, ContactFrequency.AsItHappens, Me, ChangeSource.Web);
        await fixture.Services.GetRequiredService<FeedbackService>().SendAsync(fixture.CustomerId, new FeedbackDraft(true, false, Channel.Sms, "Too many texts"), Me, ChangeSource.Web);
        await fixture.RequestAsync();
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task Get_HoldsEverythingAboutTheCustomer()
    {
        var data = (await MyData.GetAsync(fixture.CustomerId, English))!;

        Assert.Equal((fixture.CustomerId, fixture.Email), (data.Profile.CustomerId, data.Profile.Email));
        Assert.Equal((ErasureServices.Name, ErasureServices.Phone), (data.Profile.Name, data.Profile.Phone));
        Assert.Equal(["marketing/Email", "profiling/Email"], data.Consents.Select(c => $"{c.Processing.PurposeKey}/{c.Channel}"));
        var answer = Assert.Single(data.Answers);
        Assert.Equal(("Anything else we should know?", "I like long walks"), (answer.Question, Assert.Single(answer.Answer)));
        Assert.Equal(new ContactRuleRecord("Email", "Monthly", null), Assert.Single(data.ContactRules));
        Assert.Equal(("Sms", "Too many texts"), (Assert.Single(data.Feedback).Channel, data.Feedback[0].Comment));
        Assert.Equal("Requested", Assert.Single(data.ErasureRequests).State);
    }

    [Fact]
    public async Task Get_SaysWhetherReceiptsAreEmailed_OnByDefault_OffOnceTurnedOff()
    {
        Assert.True((await MyData.GetAsync(fixture.CustomerId, English))!.Profile.ReceiptsByEmail);
        var dbFactory = fixture.Services.GetRequiredService<IDbContextFactory<PreferenceCenter.Data.AppDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Customers.Where(c => c.Id == fixture.CustomerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReceiptsTurnedOff, true));
        }

        Assert.False((await MyData.GetAsync(fixture.CustomerId, English))!.Profile.ReceiptsByEmail);
    }

    [Fact]
    public async Task Get_GivesEachConsentAsAn27560Record_WithItsEvents()
    {
        var data = (await MyData.GetAsync(fixture.CustomerId, English))!;

        var marketing = data.Consents[0];
        Assert.Equal($"{fixture.CustomerId:N}/marketing/Email", marketing.RecordId);
        Assert.Equal(fixture.CustomerId, marketing.PiiPrincipalId);
        Assert.Equal(new ConsentNoticeReference("notice/1", 1, "en"), marketing.Notice);
        Assert.Equal(("Marketing", "Some data.", "Consent", "A while."),
            (marketing.Processing.Purpose, marketing.Processing.PersonalData, marketing.Processing.LegalBasis, marketing.Processing.Duration));
        Assert.Equal(("withdrawn", null), (marketing.State, marketing.ValidUntil));
        Assert.False(string.IsNullOrWhiteSpace(marketing.HowToWithdraw));
        Assert.Equal(
            [
                // Marketing by email asked for on the web waits for its double opt-in: the record says so.
                new ConsentEventRecord(fixture.Clock.GetUtcNow().AddMinutes(-5), "pending", "web-form", "data-subject", 1),
                new ConsentEventRecord(fixture.Clock.GetUtcNow(), "withdrawn", "web-form", "data-subject", 1),
            ],
            marketing.Events);

        var profiling = data.Consents[1];
        Assert.Equal(("granted", fixture.Clock.GetUtcNow().AddMonths(12)), (profiling.State, profiling.ValidUntil));
        Assert.Equal(("support", "staff-on-behalf"), (profiling.Events[0].Method, profiling.Events[0].ExpressedBy));
    }

    [Fact]
    public async Task Json_NamesThe27560Fields()
    {
        var data = (await MyData.GetAsync(fixture.CustomerId, English))!;

        using var json = JsonDocument.Parse(MyDataJson.Serialize(data));

        var record = json.RootElement.GetProperty("consents")[0];
        foreach (var field in new[] { "recordId", "piiPrincipalId", "notice", "processing", "state", "howToWithdraw", "events" })
        {
            Assert.True(record.TryGetProperty(field, out _), field);
        }

        Assert.Equal("notice/1", record.GetProperty("notice").GetProperty("reference").GetString());
        Assert.Equal("en", record.GetProperty("notice").GetProperty("language").GetString());
        var processing = record.GetProperty("processing");
        foreach (var field in new[] { "purpose", "personalData", "controller", "recipients", "legalBasis", "duration" })
        {
            Assert.True(processing.TryGetProperty(field, out _), field);
        }

        // The company the notice names (Privacy:Controller), not our emails' sender name "PreferenceCenter".
        Assert.Equal(new ControllerOptions().Name, processing.GetProperty("controller").GetProperty("name").GetString());
        var firstEvent = record.GetProperty("events")[0];
        Assert.Equal(["time", "state", "method", "expressedBy", "noticeVersion"], firstEvent.EnumerateObject().Select(p => p.Name));
        Assert.Equal(MyDataExport.CurrentFormat, json.RootElement.GetProperty("format").GetString());
    }

    [Fact]
    public async Task Export_WritesOneLedgerEntry_AndReadingThePageWritesNone()
    {
        await MyData.GetAsync(fixture.CustomerId, English);
        Assert.Equal(0, await ExportEntriesAsync());

        var export = await MyData.ExportAsync(fixture.CustomerId, English);

        Assert.NotNull(export);
        Assert.Equal(1, await ExportEntriesAsync());
    }

    [Fact]
    public async Task Get_AfterErasure_HoldsNothing()
    {
        var request = await fixture.Queue.ApproveAsync(ErasureFixture.Officer, (await fixture.Requests.ConfirmAsync(fixture.Links.Issue(1, fixture.CustomerId))).Request!.Id);
        await fixture.Queue.RunNowAsync(ErasureFixture.Officer, request.Request!.Id);

        Assert.Null(await MyData.GetAsync(fixture.CustomerId, English));
    }

    private async Task<int> ExportEntriesAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.LedgerEntries.CountAsync(e => e.SubjectId == fixture.CustomerId && e.EventType == LedgerEventType.PersonalDataExported);
    }
}
