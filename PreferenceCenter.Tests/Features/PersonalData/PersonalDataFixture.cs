using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceCenter.Data;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Feedback;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.Features.Preferences;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.PersonalData;

/// <summary>
/// Real sign-ups (an Identity user with its role, login, token and claim, and the customer with their encrypted
/// profile) and every personal-data service on one fake clock, one database and its separate key store.
/// </summary>
public sealed class PersonalDataFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);
    public static readonly Actor Officer = Actor.Staff("officer-user-id");

    private int? freeTextQuestion;

    private readonly IAsyncDisposable storage;

    private PersonalDataFixture(IDbContextFactory<AppDbContext> database, CustomerKeyStore keyStore, IAsyncDisposable storage)
    {
        this.storage = storage;
        Factory = database;
        KeyStore = keyStore;
        var protector = Protector = new PersonalDataProtector(keyStore);
        var ledger = Ledger = new LedgerWriter(Clock, new LedgerTextSealer(protector));
        Index = new BlindIndex(TestKeys.Keys);
        Normalizer = new BlindIndexLookupNormalizer(Index);
        Suppressions = new SuppressionList(database, TestKeys.Keys);
        Profiles = new CustomerProfileService(database, protector, Index, ledger, Clock);
        Accounts = new CustomerAccounts(database, ledger, Clock, protector, Profiles, Suppressions, Index);
        Lookup = new CustomerLookup(database, Index);
        Answers = new AnswerService(database, ledger, Clock, protector);
        Feedback = new FeedbackService(database, ledger, Clock, protector);
        Consents = new ConsentService(database, ledger, Clock, LifecycleMailFactory.Mail(database, keyStore, Clock), (storage as TestDatabase)?.WriteContexts);
        Questions = new QuestionAdminService(database, ledger, Clock);
        Verifier = new LedgerVerifier(database);
        Sealer = new AccountSealer(protector, keyStore);
        Steps = new ErasureSteps(protector, Sealer, Suppressions, [new PreferencesDataEraser()], Clock, NullLogger<ErasureSteps>.Instance);
        Executor = Erasure();
    }

    /// <summary>The SQLite test database (its files, raw SQL); on PostgreSQL use <see cref="Factory"/>.</summary>
    public TestDatabase Database => storage as TestDatabase ?? throw new InvalidOperationException("This fixture runs on PostgreSQL: use Factory.");

    /// <summary>The two PostgreSQL databases of a fixture made by <see cref="CreateOnPostgreSqlAsync"/>.</summary>
    public PostgreSqlPair PostgreSql => storage as PostgreSqlPair ?? throw new InvalidOperationException("This fixture runs on SQLite: use Database.");

    /// <summary>The main database, on either provider.</summary>
    public IDbContextFactory<AppDbContext> Factory { get; }
    public CustomerKeyStore KeyStore { get; }
    public PersonalDataProtector Protector { get; }
    public FakeTimeProvider Clock { get; } = new(Now);
    public BlindIndex Index { get; }
    public AccountSealer Sealer { get; }
    public ILookupNormalizer Normalizer { get; }
    public SuppressionList Suppressions { get; }
    public CustomerProfileService Profiles { get; }
    public CustomerAccounts Accounts { get; }
    public CustomerLookup Lookup { get; }
    public AnswerService Answers { get; }
    public FeedbackService Feedback { get; }
    public ConsentService Consents { get; }
    public QuestionAdminService Questions { get; }
    public LedgerVerifier Verifier { get; }

    /// <summary>The writer as the app wires it: reasons typed about a customer are sealed under their key.</summary>
    public LedgerWriter Ledger { get; }
    public ErasureSteps Steps { get; }
    public ErasureExecutor Executor { get; }

    public static async Task<PersonalDataFixture> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await SeedAsync(database);
        return new PersonalDataFixture(database, database.KeyStore, database);
    }

    /// <summary>The same on PostgreSQL: a migrated main database and the key store in a second database of its own.</summary>
    public static async Task<PersonalDataFixture> CreateOnPostgreSqlAsync()
    {
        var storage = await PostgreSqlPair.CreateAsync();
        await SeedAsync(storage.Main);
        return new PersonalDataFixture(storage.Main, storage.KeyStore, storage);
    }

    private static async Task SeedAsync(IDbContextFactory<AppDbContext> database)
    {
        await using var db = await database.CreateDbContextAsync();
        await CatalogBuilder.SeedAsync(db);
        db.Roles.Add(new IdentityRole(Roles.Customer) { NormalizedName = Roles.Customer.ToUpperInvariant() });
        await db.SaveChangesAsync();
    }

    /// <summary>An executor that calls <paramref name="afterStep"/> after each committed step (to simulate a crash).</summary>
    public ErasureExecutor Erasure(Func<ErasureStep, Task>? afterStep = null, ErasureCompletionNotice? notice = null) =>
        new(Factory, Ledger, Clock, Steps, KeyStore, Sealer, notice) { AfterStep = afterStep };

    /// <summary>
    /// Signs up as Register.razor does: the Identity user (user name and email sealed as <see cref="SealedUserStore"/>
    /// writes them) with its extras, then the customer with their profile.
    /// </summary>
    public async Task<Guid> SignUpAsync(string email)
    {
        var user = new ApplicationUser
        {
            EmailConfirmed = true, NormalizedUserName = Normalizer.NormalizeName(email), NormalizedEmail = Normalizer.NormalizeEmail(email),
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        user.UserName = await Sealer.SealAsync(user.Id, email);
        user.Email = await Sealer.SealAsync(user.Id, email);
        await using (var db = await Factory.CreateDbContextAsync())
        {
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = db.Roles.Single().Id });
            db.UserLogins.Add(new IdentityUserLogin<string> { UserId = user.Id, LoginProvider = "Test", ProviderKey = user.Id, ProviderDisplayName = "Test" });
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = "Test", Name = "token", Value = "secret" });
            db.UserClaims.Add(new IdentityUserClaim<string> { UserId = user.Id, ClaimType = "test", ClaimValue = "claim" });
            await db.SaveChangesAsync();
        }

        return (await Accounts.CreateForUserAsync(user.Id, email, "en")).Id;
    }

    /// <summary>Ada signs up with <c>ada@example.com</c> and fills in everything personal (<see cref="FillAsync"/>).</summary>
    public async Task<Guid> AdaAsync()
    {
        var ada = await SignUpAsync("ada@example.com");
        await FillAsync(ada, "Ada Lovelace", "+39 333 123 4567", "Only on Tuesdays", "Too many emails");
        return ada;
    }

    /// <summary>Gives the customer a name, phone, a consent, a free-text answer and feedback words.</summary>
    public async Task FillAsync(Guid customerId, string name, string phone, string answer, string comment)
    {
        var me = Actor.Customer(customerId);
        Assert.Equal(ProfileChangeOutcome.Saved, await Profiles.UpdateAsync(customerId, new ProfileEdit(name, phone), me, ChangeSource.Web));
        var granted = await Consents.SetAsync(new ConsentChange(customerId, "marketing", Channel.Email, true, 0, me, ChangeSource.Web));
        Assert.Equal(ConsentChangeOutcome.Saved, granted.Outcome);
        var answered = await Answers.AnswerAsync(customerId, await FreeTextQuestionAsync(), new AnswerInput([], answer), 0, me, ChangeSource.Web);
        Assert.Equal(PreferenceChangeOutcome.Saved, answered.Outcome);
        var sent = await Feedback.SendAsync(customerId, new FeedbackDraft(true, false, Channel.Email, comment), me, ChangeSource.Web);
        Assert.Equal(PreferenceChangeOutcome.Saved, sent.Outcome);
    }

    /// <summary>
    /// What staff leave about a customer in their own words: an agent's reason for a change made at the customer's
    /// request (in the ledger) and an officer's reason for refusing an earlier erasure request (on the request).
    /// </summary>
    public async Task AddStaffWordsAsync(Guid customerId, string supportReason, string rejectionReason)
    {
        await using var db = await Factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        await Ledger.AppendAsync(db, new LedgerDraft(LedgerEventType.ConsentWithdrawn, Actor.Staff("agent-user-id", supportReason, "phone"),
            customerId, ChangeSource.Support, PurposeKey: "marketing", Channel: Channel.Sms));
        db.ErasureRequests.Add(new ErasureRequest
        {
            CustomerId = customerId, State = ErasureState.Rejected, RequestedAt = Now, DueAt = Now.AddDays(30), DecidedAt = Now,
            DecidedBy = Officer.Id, RejectionReason = rejectionReason, Culture = "en",
        });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    public async Task<int> FreeTextQuestionAsync()
    {
        if (freeTextQuestion is null)
        {
            var question = await Questions.SaveAsync(QuestionSamples.FreeText(maxLength: 200), Officer);
            Assert.True(question.Saved, string.Join(", ", question.Problems));
            freeTextQuestion = question.Id;
        }

        return freeTextQuestion!.Value;
    }

    public ValueTask DisposeAsync() => storage.DisposeAsync();
}
