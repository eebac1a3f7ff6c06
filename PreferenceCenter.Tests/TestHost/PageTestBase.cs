using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Privacy.Admin;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// Page tests with the real feature services on a real SQLite file, a fake clock and a signed-in customer.
/// Call <see cref="SignInCustomerAsync"/> before rendering.
/// </summary>
public abstract class PageTestBase : ComponentTestBase
{
    /// <summary>The small-cell rule's minimum for pages that hide small counts; the production default unless a test sets it first.</summary>
    protected int SmallCellMinimum { get; set; } = 10;

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);

    private TestDatabase? database;

    protected PageTestBase(string culture = "en") : base(culture)
    {
    }

    protected FakeTimeProvider Clock { get; } = new(Now);
    protected TestDatabase Database => database ?? throw new InvalidOperationException("Call SignInCustomerAsync first.");
    protected Guid CustomerId { get; private set; }

    /// <summary>
    /// Puts a phone on the signed-in customer's profile, as if they had given it before (no ledger entry, so tests
    /// that count entries count only their own): SMS and calls then switch on without asking for one.
    /// </summary>
    protected async Task GivePhoneAsync(string phone = "+39 333 123 4567")
    {
        using var cipher = await Database.Protector.ForWritingAsync(CustomerId);
        await using var db = Database.CreateDbContext();
        db.CustomerProfiles.Add(new PreferenceCenter.Features.PersonalData.CustomerProfile
        {
            CustomerId = CustomerId, Phone = cipher.Protect(phone), ChangedAt = Clock.GetUtcNow(), Version = 1,
        });
        await db.SaveChangesAsync();
    }

    protected async Task SignInCustomerAsync()
    {
        await CreateDatabaseAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized("customer@example.com");
        auth.SetRoles(Roles.Customer);
        auth.SetClaims(new Claim(CustomerClaims.CustomerId, CustomerId.ToString()), new Claim(ClaimTypes.NameIdentifier, CustomerUserId));
        // As on a live circuit; set last, because it builds the service provider.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Signs in the privacy officer (<see cref="OfficerUserId"/>); the database still has one customer.</summary>
    protected async Task SignInOfficerAsync()
    {
        await CreateDatabaseAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized("officer@example.com");
        auth.SetRoles(Roles.PrivacyOfficer);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, OfficerUserId));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public const string OfficerUserId = "officer-user-id";
    private const string CustomerUserId = "customer-user-id";

    protected static Actor Officer => Actor.Staff(OfficerUserId);

    private async Task CreateDatabaseAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(db);
            CustomerId = await CatalogBuilder.AddCustomerAsync(db);
        }

        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(_ => new SmallCells(SmallCellMinimum));   // read when a page first asks for it
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddSingleton<LedgerWriter>();
        Services.AddSingleton(database.Protector);
        Services.AddSingleton<ConsentService>();
        Services.AddSingleton<WithdrawAllUndo>();
        Services.AddSingleton<PreferenceCenter.Features.Consents.Gpc.GlobalPrivacyControlService>();
        Services.AddSingleton(new PreferenceCenter.Features.PersonalData.BlindIndex(TestKeys.Keys));
        Services.AddSingleton<PreferenceCenter.Features.PersonalData.CustomerProfileService>();
        Services.AddSingleton(LifecycleMailFactory.Mail(database, Clock));
        Services.AddSingleton<MaterialChangeReviews>();
        Services.AddSingleton<PurposeValidityService>();
        Services.AddSingleton<PurposeRetentionService>();
        Services.AddSingleton<PreferenceCenter.Features.Retention.RetentionPreviewService>();
        Services.AddSingleton<PrivacyNoticeService>();
        Services.AddSingleton<HistoryService>();
        Services.AddScoped<HistoryDescriber>();
        Services.AddPreferences();
        // The receipts setting on /preferences (Features/Receipts); its options at their defaults.
        Services.AddSingleton<PreferenceCenter.Features.Preferences.Receipts.ReceiptSettings>();
        Services.AddOptions<PreferenceCenter.Features.Preferences.Receipts.ReceiptOptions>();
        Services.AddSingleton<ErasureRequestReader>();
        Services.AddSingleton<ApiClientService>();
    }

    protected ConsentService Consents => Services.GetRequiredService<ConsentService>();
    protected QuestionAdminService QuestionAdmin => Services.GetRequiredService<QuestionAdminService>();
    protected AnswerService Answers => Services.GetRequiredService<AnswerService>();
    protected ContactRulesService ContactRules => Services.GetRequiredService<ContactRulesService>();

    /// <summary>Creates a question as the officer and returns its id.</summary>
    protected async Task<int> AddQuestionAsync(QuestionForm form)
    {
        var result = await QuestionAdmin.SaveAsync(form, Officer);
        Assert.True(result.Saved, string.Join(", ", result.Problems));
        return result.Id!.Value;
    }

    protected ConsentChange Change(string purpose, Channel channel, bool grant, int expectedVersion = 0) =>
        new(CustomerId, purpose, channel, grant, expectedVersion, Actor.Customer(CustomerId), ChangeSource.Web);

    protected override ValueTask CleanUpAsync() => database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
