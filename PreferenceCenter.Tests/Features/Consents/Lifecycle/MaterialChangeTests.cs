using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

public sealed class MaterialChangeTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static CatalogDocument MarketingChanged(bool materially) =>
        CatalogSamples.Valid() with { Purposes = [CatalogSamples.Marketing() with { MaterialChange = materially }] };

    [Fact]
    public async Task AMaterialChange_AsksThoseWhoConsentedUnderAnOlderVersionToReview_UntilTheyKeepIt()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);
        var reviews = fixture.Get<MaterialChangeReviews>();
        Assert.Empty(await reviews.ListAsync(fixture.CustomerId, English));

        var number = await fixture.Get<CatalogPublisher>().PublishAsync(MarketingChanged(materially: true));

        Assert.Equal(new PurposeToReview("marketing", "Marketing", number), Assert.Single(await reviews.ListAsync(fixture.CustomerId, English)));
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await reviews.KeepAsync(fixture.CustomerId, "marketing"));
        Assert.Empty(await reviews.ListAsync(fixture.CustomerId, English));
        var consent = await fixture.ConsentAsync("marketing", Channel.Sms);
        Assert.Equal((number, LifecycleFixture.Now.AddDays(1).AddMonths(24)), (consent.NoticeVersion, consent.ExpiresAt));
        var entry = Assert.Single(await fixture.EntriesAsync(LedgerEventType.ConsentRenewed));
        Assert.Equal((ActorKind.Customer, ChangeSource.Web, number), (entry.ActorKind, entry.Source, entry.NoticeVersion!.Value));
    }

    [Fact]
    public async Task ChangingTheConsent_AlsoSettlesTheReview()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);
        await fixture.Get<CatalogPublisher>().PublishAsync(MarketingChanged(materially: true));

        await fixture.SetAsync("marketing", Channel.Sms, grant: false, expectedVersion: 1);

        Assert.Empty(await fixture.Get<MaterialChangeReviews>().ListAsync(fixture.CustomerId, English));
    }

    [Fact]
    public async Task APublicationWithoutTheFlag_AsksNoOneToReview()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);

        await fixture.Get<CatalogPublisher>().PublishAsync(MarketingChanged(materially: false));

        Assert.Empty(await fixture.Get<MaterialChangeReviews>().ListAsync(fixture.CustomerId, English));
    }

    [Fact]
    public async Task ConsentsGivenAfterTheChange_AndWithdrawnOnes_AreNotAskedAbout()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Push, grant: true);
        await fixture.SetAsync("marketing", Channel.Push, grant: false, expectedVersion: 1);
        await fixture.Get<CatalogPublisher>().PublishAsync(MarketingChanged(materially: true));

        await fixture.SetAsync("marketing", Channel.Sms, grant: true);

        Assert.Empty(await fixture.Get<MaterialChangeReviews>().ListAsync(fixture.CustomerId, English));
    }

    [Fact]
    public void TheFlag_OnAPurposeNotBasedOnConsent_IsRefused()
    {
        var catalog = CatalogSamples.Valid() with
        {
            Purposes = [CatalogSamples.Marketing() with { LegalBasis = LegalBasis.LegitimateInterest, MaterialChange = true }],
        };

        Assert.Contains(
            "Purpose 'marketing' is marked as materially changed, but it does not rest on consent, so there is no consent for customers to review.",
            CatalogRules.Check(catalog));
    }

    [Fact]
    public async Task TheFlag_OnAPurposeNeverPublished_IsRefusedAndNothingIsWritten()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = LifecycleMailFactory.Services(database, TimeProvider.System);
        var publisher = services.GetRequiredService<CatalogPublisher>();

        var error = await Assert.ThrowsAsync<CatalogException>(() => publisher.PublishAsync(MarketingChanged(materially: true)));

        Assert.Equal(["Purpose 'marketing' is marked as materially changed, but it was never published: a new purpose has nothing to review."], error.Problems);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.NoticeVersions.CountAsync());
    }

    [Fact]
    public async Task TheCatalogFile_ReadsTheOptionalFlag()
    {
        const string Json = """
            { "purposes": [ { "key": "marketing", "kind": "Marketing", "legalBasis": "Consent", "icon": "Campaign", "channels": [ "Email" ],
              "materialChange": true, "texts": { "en": { "title": "M", "summary": "S", "dataUsed": "D", "retention": "R" } } },
              { "key": "service", "kind": "Service", "legalBasis": "Contract", "icon": "ReceiptLong", "channels": [],
              "texts": { "en": { "title": "M", "summary": "S", "dataUsed": "D", "retention": "R" } } } ],
              "recipients": [], "notice": { "en": { "title": "N", "legalText": "T" } } }
            """;

        var catalog = await CatalogDocument.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(Json)));

        Assert.Equal([true, false], catalog.Purposes.Select(p => p.MaterialChange));
    }
}
