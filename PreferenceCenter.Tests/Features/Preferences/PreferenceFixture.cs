using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Preferences.Feedback;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences;

/// <summary>The seeded test catalog, one customer, and every preference service on one fake clock and one real database.</summary>
public sealed class PreferenceFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);
    public static readonly Actor Officer = Actor.Staff("officer-user-id");

    private PreferenceFixture(TestDatabase database, Guid customerId)
    {
        Database = database;
        CustomerId = customerId;
        var ledger = new LedgerWriter(Clock);
        Consents = new ConsentService(database, ledger, Clock, LifecycleMailFactory.Mail(database, Clock), database.WriteContexts);
        Answers = new AnswerService(database, ledger, Clock, database.Protector);
        UsableAnswers = new UsableAnswerService(database, Clock, database.Protector);
        ContactRules = new ContactRulesService(database, ledger, Clock);
        Decisions = new ContactDecisionService(database, Clock);
        Feedback = new FeedbackService(database, ledger, Clock, database.Protector);
        Questions = new QuestionAdminService(database, ledger, Clock);
    }

    public TestDatabase Database { get; }
    public Guid CustomerId { get; }
    public Actor Me => Actor.Customer(CustomerId);
    public FakeTimeProvider Clock { get; } = new(Now);
    public ConsentService Consents { get; }
    public AnswerService Answers { get; }
    public UsableAnswerService UsableAnswers { get; }
    public ContactRulesService ContactRules { get; }
    public ContactDecisionService Decisions { get; }
    public FeedbackService Feedback { get; }
    public QuestionAdminService Questions { get; }

    public static async Task<PreferenceFixture> CreateAsync(CustomerStatus status = CustomerStatus.Active)
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        return new PreferenceFixture(database, await CatalogBuilder.AddCustomerAsync(db, status));
    }

    public async Task<int> AddQuestionAsync(QuestionForm form)
    {
        var result = await Questions.SaveAsync(form, Officer);
        Assert.True(result.Saved, string.Join(", ", result.Problems));
        return result.Id!.Value;
    }

    /// <summary>Turns a consent on as the customer would, following the confirmation link when it needs double opt-in.</summary>
    public async Task GrantAsync(string purpose, Channel channel)
    {
        var result = await Consents.SetAsync(new ConsentChange(CustomerId, purpose, channel, true, 0, Me, ChangeSource.Web));
        Assert.Equal(ConsentChangeOutcome.Saved, result.Outcome);
        if (result.Current!.AwaitingConfirmation)
        {
            await LifecycleSteps.ConfirmAsync(Database, Clock, CustomerId, purpose, channel);
        }
    }

    /// <summary>The ledger entries about this customer, oldest first.</summary>
    public async Task<List<LedgerEntry>> LedgerAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.LedgerEntries.Where(e => e.SubjectId == CustomerId).OrderBy(e => e.Sequence).ToListAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
