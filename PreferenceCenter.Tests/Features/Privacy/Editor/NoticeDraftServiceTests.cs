using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Privacy.Editor;
using PreferenceCenter.Tests.TestHost;
using static PreferenceCenter.Tests.Features.Privacy.Editor.NoticeEditorSamples;

namespace PreferenceCenter.Tests.Features.Privacy.Editor;

public sealed class NoticeDraftServiceTests
{
    private static readonly Actor Officer = Actor.Staff("officer-user-id");
    private static readonly Actor OtherOfficer = Actor.Staff("other-officer-id");
    private readonly FakeTimeProvider clock = new(Now);

    private static CatalogDocument WithSummary(CatalogDocument catalog, string language, string summary, string purpose = "marketing") =>
        CatalogEdits.Set(catalog, purpose, language, NoticeField.Summary, summary);

    private static NoticePublishRequest Request(NoticeWorkspace workspace, CatalogDocument draft, string? note = "Plainer marketing summary.", string? reason = null, params string[] material) =>
        new(draft, workspace.PublishedNumber, workspace.Revision, material.ToHashSet(), note, reason);

    [Fact]
    public async Task Open_WithNoDraftSaved_StartsFromThePublishedTexts()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);

        var workspace = await service.OpenAsync();

        Assert.Equal((1, 0, (DateTimeOffset?)null), (workspace!.PublishedNumber, workspace.Revision, workspace.SavedAt));
        Assert.Equal(workspace.Published.ToJson(), workspace.Draft.ToJson());
        Assert.Equal(5, workspace.Draft.Purposes.Count);
        Assert.Equal("We share nothing with Northwind Travel; your service with us stays the same.",
            CatalogEdits.Get(workspace.Draft, "sharing-northwind", "en", NoticeField.IfYouSayNo));
    }

    [Fact]
    public async Task Save_KeepsTheDraft_AndRecordsTheOfficerAndWhatChanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);
        var workspace = (await service.OpenAsync())!;

        var result = await service.SaveAsync(WithSummary(workspace.Draft, "en", PlainMarketingSummary), 1, 0, Officer);

        Assert.Equal(new NoticeSaveResult(NoticeSaveOutcome.Saved, 1, []).ToString(), result.ToString());
        var reopened = (await service.OpenAsync())!;
        Assert.Equal((1, Now), (reopened.Revision, reopened.SavedAt!.Value));
        Assert.Equal(PlainMarketingSummary, CatalogEdits.Get(reopened.Draft, "marketing", "en", NoticeField.Summary));
        await using var db = database.CreateDbContext();
        var entry = await db.LedgerEntries.SingleAsync(e => e.EventType == LedgerEventType.NoticeDraftSaved);
        Assert.Equal((ActorKind.Staff, "officer-user-id", 1, "revision:1;marketing.en.Summary", (Guid?)null),
            (entry.ActorKind, entry.ActorId, entry.NoticeVersion!.Value, entry.Detail, entry.SubjectId));
    }

    [Fact]
    public async Task Save_AfterAnotherOfficerSaved_IsAConflictThatKeepsTheirTextAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);
        var opened = (await service.OpenAsync())!; // both officers open revision 0
        Assert.Equal(NoticeSaveOutcome.Saved, (await service.SaveAsync(WithSummary(opened.Draft, "en", PlainMarketingSummary), 1, 0, Officer)).Outcome);

        var late = await service.SaveAsync(WithSummary(opened.Draft, "it", "Solo se vuoi, ti scriviamo."), 1, 0, OtherOfficer);

        Assert.Equal((NoticeSaveOutcome.Conflict, 0), (late.Outcome, late.Revision));
        var stored = (await service.OpenAsync())!;
        Assert.Equal(PlainMarketingSummary, CatalogEdits.Get(stored.Draft, "marketing", "en", NoticeField.Summary));
        Assert.NotEqual("Solo se vuoi, ti scriviamo.", CatalogEdits.Get(stored.Draft, "marketing", "it", NoticeField.Summary));
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.NoticeDraftSaved));
    }

    [Fact]
    public async Task Save_Unchanged_OrWithOtherPurposes_OrTooLong_WritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);
        var draft = (await service.OpenAsync())!.Draft;

        var unchanged = await service.SaveAsync(draft, 1, 0, Officer);
        var otherPurposes = await service.SaveAsync(draft with { Purposes = [.. draft.Purposes.Skip(1)] }, 1, 0, Officer);
        var tooLong = await service.SaveAsync(WithSummary(draft, "es", new string('a', PurposeText.SummaryMaxLength + 1)), 1, 0, Officer);
        var customer = await service.SaveAsync(WithSummary(draft, "en", PlainMarketingSummary), 1, 0, Actor.Customer(Guid.NewGuid()));

        Assert.Equal(
            [NoticeSaveOutcome.Unchanged, NoticeSaveOutcome.Invalid, NoticeSaveOutcome.Invalid, NoticeSaveOutcome.NotAllowed],
            [unchanged.Outcome, otherPurposes.Outcome, tooLong.Outcome, customer.Outcome]);
        Assert.Contains("Purpose 'marketing' in 'es'", Assert.Single(tooLong.Problems), StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.Equal((0, 1), (await db.NoticeDrafts.CountAsync(), await db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Save_WithANulInAPurposeText_IsRefusedNamingIt_AndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);
        var draft = (await service.OpenAsync())!.Draft;

        var withNul = await service.SaveAsync(WithSummary(draft, "it", "Offerte\0 e novità."), 1, 0, Officer);

        Assert.Equal(NoticeSaveOutcome.Invalid, withNul.Outcome);
        var problem = Assert.Single(withNul.Problems);
        Assert.Contains("Purpose 'marketing' in 'it'", problem, StringComparison.Ordinal);
        Assert.Contains("control character", problem, StringComparison.Ordinal);
        await using var db = database.CreateDbContext();
        Assert.Equal((0, 1), (await db.NoticeDrafts.CountAsync(), await db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Publish_CreatesVersionTwoWithTheDraft_TheNoteInTheLedger_AndTheMaterialChange()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);
        var workspace = (await service.OpenAsync())!;
        var draft = WithSummary(workspace.Draft, "en", PlainMarketingSummary);

        var result = await service.PublishAsync(Request(workspace, draft, material: "marketing"), Officer);

        Assert.Equal((NoticePublishOutcome.Published, (int?)2), (result.Outcome, result.Number));
        var notice = await new PrivacyNoticeService(database).GetCurrentAsync(CultureInfo.GetCultureInfo("en"));
        Assert.Equal((2, PlainMarketingSummary), (notice!.Number, notice.Purposes.Single(p => p.Key == "marketing").Summary));
        await using var db = database.CreateDbContext();
        Assert.Equal(2, (await db.Purposes.SingleAsync(p => p.Key == "marketing")).MaterialChangeNotice);
        Assert.Null((await db.Purposes.SingleAsync(p => p.Key == "profiling")).MaterialChangeNotice);
        var published = await db.LedgerEntries.OrderBy(e => e.Sequence).LastAsync();
        Assert.Equal((LedgerEventType.NoticePublished, ActorKind.Staff, "officer-user-id", "Plainer marketing summary.", 2),
            (published.EventType, published.ActorKind, published.ActorId, published.Reason, published.NoticeVersion!.Value));
        Assert.Equal(2, (await db.NoticeDrafts.SingleAsync()).PublishedAs);
        var next = (await service.OpenAsync())!;
        Assert.Equal((2, 0), (next.PublishedNumber, next.Revision)); // the next draft starts from version 2
    }

    [Fact]
    public async Task Publish_WithoutANote_IsRefusedAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);
        var workspace = (await service.OpenAsync())!;

        var result = await service.PublishAsync(Request(workspace, WithSummary(workspace.Draft, "en", PlainMarketingSummary), note: "  "), Officer);

        Assert.Equal(NoticePublishOutcome.NoteRequired, result.Outcome);
        await using var db = database.CreateDbContext();
        Assert.Equal((1, 1), (await db.NoticeVersions.CountAsync(), await db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task Publish_WhileAFirstLayerFailsTheMeter_IsRefusedUnlessAReasonIsRecorded()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);
        var workspace = (await service.OpenAsync())!;
        var dense = WithSummary(workspace.Draft, "it", DenseItalianSummary);

        var refused = await service.PublishAsync(Request(workspace, dense), Officer);

        Assert.Equal(NoticePublishOutcome.ReadabilityFails, refused.Outcome);
        Assert.Equal(["it"], refused.Verdicts.Where(v => !v.Passes).Select(v => v.Language));
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal((1, 1), (await db.NoticeVersions.CountAsync(), await db.LedgerEntries.CountAsync()));
        }

        var published = await service.PublishAsync(Request(workspace, dense, reason: "Wording required by the regulator's letter of 2 December."), Officer);

        Assert.Equal(NoticePublishOutcome.Published, published.Outcome);
        await using var read = database.CreateDbContext();
        var overridden = await read.LedgerEntries.SingleAsync(e => e.EventType == LedgerEventType.NoticeReadabilityOverridden);
        Assert.Equal(("Wording required by the regulator's letter of 2 December.", 2, "officer-user-id"), (overridden.Reason, overridden.NoticeVersion!.Value, overridden.ActorId));
        Assert.StartsWith("it:Gulpease 4", overridden.Detail, StringComparison.Ordinal);
        Assert.EndsWith("words", overridden.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AfterAnotherOfficerSaved_IsAConflictAndPublishesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);
        var opened = (await service.OpenAsync())!;
        await service.SaveAsync(WithSummary(opened.Draft, "es", "Solo si quieres, te escribimos."), 1, 0, OtherOfficer);

        var result = await service.PublishAsync(Request(opened, WithSummary(opened.Draft, "en", PlainMarketingSummary)), Officer);

        Assert.Equal(NoticePublishOutcome.Conflict, result.Outcome);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.NoticeVersions.CountAsync());
    }

    // The draft carries wording only: a validity changed on /admin/purposes meanwhile is not put back by publishing.
    [Fact]
    public async Task Publish_KeepsWhatChangedOnThePurposesSinceTheDraftWasOpened()
    {
        await using var database = await TestDatabase.CreateAsync();
        var service = await PublishSeedAsync(database, clock);
        var workspace = (await service.OpenAsync())!;
        await using (var db = database.CreateDbContext())
        {
            (await db.Purposes.SingleAsync(p => p.Key == "profiling")).ValidityMonths = 6;
            await db.SaveChangesAsync();
        }

        await service.PublishAsync(Request(workspace, WithSummary(workspace.Draft, "en", PlainMarketingSummary)), Officer);

        await using var read = database.CreateDbContext();
        Assert.Equal(6, (await read.Purposes.SingleAsync(p => p.Key == "profiling")).ValidityMonths);
    }
}
