using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Retention;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Retention;

/// <summary>
/// The test catalog with one question per purpose (marketing keeps its answers 30 days after consent ends, profiling
/// none, service rests on contract), consents written as they would stand on a given day, and the retention job's
/// services on one real database and a fake clock.
/// </summary>
public sealed class RetentionFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);

    private RetentionFixture(TestDatabase database)
    {
        Database = database;
        Runner = new RetentionRunner(database, new LedgerWriter(Clock), Clock);
        Preview = new RetentionPreviewService(database, Clock);
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(Now);
    public RetentionRunner Runner { get; }
    public RetentionPreviewService Preview { get; }

    public static async Task<RetentionFixture> CreateAsync(int? marketingDays = 30, int? profilingDays = 0)
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        foreach (var purpose in await db.Purposes.ToListAsync())
        {
            purpose.RetentionAfterEndDays = purpose.Key switch { "marketing" => marketingDays, "profiling" => profilingDays, _ => null };
            db.Questions.Add(new Question { Key = $"{purpose.Key}-question", Type = QuestionType.SingleChoice, PurposeId = purpose.Id, CreatedAt = CatalogBuilder.PublishedAt });
        }

        await db.SaveChangesAsync();
        return new RetentionFixture(database);
    }

    /// <summary>A customer who answered every purpose's question.</summary>
    public async Task<Guid> AddAnsweringCustomerAsync()
    {
        await using var db = Database.CreateDbContext();
        var customerId = await CatalogBuilder.AddCustomerAsync(db);
        foreach (var question in await db.Questions.ToListAsync())
        {
            db.Answers.Add(new Answer { CustomerId = customerId, QuestionId = question.Id, Choices = ["yes"], AnsweredAt = CatalogBuilder.PublishedAt });
        }

        await db.SaveChangesAsync();
        return customerId;
    }

    /// <summary>A consent row as it would stand: <paramref name="changedAt"/> is when it was last switched, <paramref name="expiresAt"/> its end.</summary>
    public async Task AddConsentAsync(Guid customerId, string purpose, Channel channel, ConsentState state, DateTimeOffset changedAt, DateTimeOffset? expiresAt = null)
    {
        await using var db = Database.CreateDbContext();
        db.Consents.Add(new Consent
        {
            CustomerId = customerId, PurposeId = (await db.Purposes.SingleAsync(p => p.Key == purpose)).Id, Channel = channel, State = state,
            ChangedAt = changedAt, ExpiresAt = expiresAt, NoticeVersion = 1, Source = ChangeSource.Web, Version = 1,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The keys of the purposes whose answers the customer still has.</summary>
    public async Task<List<string>> AnsweredPurposesAsync(Guid customerId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Answers.Where(a => a.CustomerId == customerId)
            .Join(db.Questions, a => a.QuestionId, q => q.Id, (a, q) => q.Purpose!.Key)
            .OrderBy(k => k).ToListAsync();
    }

    public async Task<List<LedgerEntry>> DeletionsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.LedgerEntries.Where(e => e.EventType == LedgerEventType.RetentionDataDeleted).OrderBy(e => e.Sequence).ToListAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
