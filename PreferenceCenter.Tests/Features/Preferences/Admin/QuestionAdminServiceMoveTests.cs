using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences.Admin;

public sealed class QuestionAdminServiceMoveTests : IAsyncLifetime
{
    private static readonly Actor Officer = Actor.Staff("officer-user-id");
    private readonly FakeTimeProvider clock = new(PageTestBase.Now);
    private TestDatabase database = default!;
    private QuestionAdminService service = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        service = new QuestionAdminService(database, new LedgerWriter(clock), clock);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<QuestionSummary[]> ListAsync() => [.. await service.ListAsync(CultureInfo.GetCultureInfo("en"))];

    [Fact]
    public async Task Move_WithTheVersionTheListShowed_Swaps()
    {
        var first = (await service.SaveAsync(QuestionSamples.SingleChoice(), Officer)).Id!.Value;
        await service.SaveAsync(QuestionSamples.MultipleChoice(), Officer);
        var shown = (await ListAsync()).Single(q => q.Id == first);

        var result = await service.MoveAsync(first, up: false, Officer, shown.Version);

        Assert.True(result.Saved);
        Assert.Equal(first, (await ListAsync())[1].Id);
    }

    [Fact]
    public async Task Move_FromAListThatIsNoLongerCurrent_MovesNothingAndSaysItChangedElsewhere()
    {
        var first = (await service.SaveAsync(QuestionSamples.SingleChoice(), Officer)).Id!.Value;
        var second = (await service.SaveAsync(QuestionSamples.MultipleChoice(), Officer)).Id!.Value;
        var shown = (await ListAsync()).Single(q => q.Id == first);
        await service.MoveAsync(second, up: true, Officer); // another officer, meanwhile: second, first

        var result = await service.MoveAsync(first, up: true, Officer, shown.Version);

        Assert.Equal([new QuestionProblem(QuestionFields.Question, QuestionProblemCode.ChangedElsewhere)], result.Problems);
        Assert.Equal([second, first], (await ListAsync()).Select(q => q.Id));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.QuestionsReordered));
    }
}
