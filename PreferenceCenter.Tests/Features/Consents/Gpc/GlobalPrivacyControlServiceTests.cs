using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Gpc;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.Consents.Gpc;

public sealed class GlobalPrivacyControlServiceTests
{
    [Fact]
    public async Task Honour_switches_off_every_partner_purpose_and_nothing_else_recording_the_signal_as_the_method()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await AddPartnerAsync(fixture, "sharing-northwind");
        await GrantAsync(fixture, ("sharing-northwind", Channel.Email), ("sharing-northwind", Channel.Sms), ("marketing", Channel.Sms), ("profiling", Channel.Email));
        var before = (await fixture.CountRowsAsync()).LedgerEntries;
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var withdrawn = await Service(fixture).HonourAsync(fixture.CustomerId);

        Assert.Equal(2, withdrawn);
        var cells = await fixture.Service.GetCellsAsync(fixture.CustomerId);
        Assert.False(cells[("sharing-northwind", Channel.Email)].IsOn);
        Assert.False(cells[("sharing-northwind", Channel.Sms)].IsOn);
        Assert.True(cells[("marketing", Channel.Sms)].IsOn);
        Assert.True(cells[("profiling", Channel.Email)].IsOn);
        await using var db = fixture.Database.CreateDbContext();
        var entries = await db.LedgerEntries.Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(
            [LedgerEventType.ConsentWithdrawn, LedgerEventType.ConsentWithdrawn, LedgerEventType.GlobalPrivacyControlHonoured],
            entries.Select(e => e.EventType));
        Assert.All(entries, e => Assert.Equal((ChangeSource.GlobalPrivacyControl, ActorKind.Customer, fixture.CustomerId), (e.Source, e.ActorKind, e.SubjectId!.Value)));
        Assert.Equal("withdrawn=2", entries[^1].Detail);
        Assert.All(await db.Consents.Where(c => c.State == ConsentState.Withdrawn).ToListAsync(), c => Assert.Equal(ChangeSource.GlobalPrivacyControl, c.Source));
        Assert.Equal(new GlobalPrivacyControlStatus(ConsentFixture.Now.AddMinutes(5), null), await Service(fixture).GetAsync(fixture.CustomerId));
    }

    [Fact]
    public async Task Honour_happens_once_so_a_later_signalled_page_changes_nothing()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await AddPartnerAsync(fixture, "sharing-northwind");
        await GrantAsync(fixture, ("sharing-northwind", Channel.Email));
        var service = Service(fixture);
        Assert.Equal(1, await service.HonourAsync(fixture.CustomerId));
        await GrantAsync(fixture, ("sharing-northwind", Channel.Email));
        var rows = await fixture.CountRowsAsync();

        Assert.Null(await service.HonourAsync(fixture.CustomerId));

        Assert.Equal(rows, await fixture.CountRowsAsync());
        Assert.True((await fixture.Service.GetCellsAsync(fixture.CustomerId))[("sharing-northwind", Channel.Email)].IsOn);
    }

    [Fact]
    public async Task Honour_with_nothing_shared_still_records_the_signal_so_a_later_grant_is_an_explicit_override()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await AddPartnerAsync(fixture, "sharing-northwind");

        Assert.Equal(0, await Service(fixture).HonourAsync(fixture.CustomerId));

        Assert.True((await Service(fixture).GetAsync(fixture.CustomerId))!.Stands);
    }

    [Fact]
    public async Task Two_requests_honouring_at_once_write_one_set_of_entries()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await AddPartnerAsync(fixture, "sharing-northwind");
        await GrantAsync(fixture, ("sharing-northwind", Channel.Email), ("sharing-northwind", Channel.Post));
        var before = (await fixture.CountRowsAsync()).LedgerEntries;

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Service(fixture).HonourAsync(fixture.CustomerId))));

        Assert.Equal([2], results.Where(r => r is not null).Select(r => r!.Value));
        Assert.Equal(before + 3, (await fixture.CountRowsAsync()).LedgerEntries);
    }

    [Fact]
    public async Task Honour_for_an_erased_customer_does_nothing()
    {
        await using var fixture = await ConsentFixture.CreateAsync(CustomerStatus.Erased);
        await AddPartnerAsync(fixture, "sharing-northwind");

        Assert.Null(await Service(fixture).HonourAsync(fixture.CustomerId));
        Assert.Null(await Service(fixture).GetAsync(fixture.CustomerId));
    }

    [Fact]
    public async Task Turning_a_partner_on_after_the_signal_is_recorded_once_as_the_customers_override()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await AddPartnerAsync(fixture, "sharing-northwind");
        await Service(fixture).HonourAsync(fixture.CustomerId);
        fixture.Clock.Advance(TimeSpan.FromDays(2));

        await GrantAsync(fixture, ("marketing", Channel.Sms));
        Assert.True((await Service(fixture).GetAsync(fixture.CustomerId))!.Stands);
        await GrantAsync(fixture, ("sharing-northwind", Channel.Sms));
        await GrantAsync(fixture, ("sharing-northwind", Channel.Email));

        Assert.Equal(ConsentFixture.Now.AddDays(2), (await Service(fixture).GetAsync(fixture.CustomerId))!.OverriddenAt);
        await using var db = fixture.Database.CreateDbContext();
        var overrides = await db.LedgerEntries.Where(e => e.EventType == LedgerEventType.GlobalPrivacyControlOverridden).ToListAsync();
        var single = Assert.Single(overrides);
        Assert.Equal(("sharing-northwind", Channel.Sms, ChangeSource.Web, ActorKind.Customer), (single.PurposeKey, single.Channel!.Value, single.Source, single.ActorKind));
        var grant = await db.LedgerEntries.SingleAsync(e => e.EventType == LedgerEventType.ConsentGranted && e.PurposeKey == "sharing-northwind" && e.Channel == Channel.Sms);
        Assert.Equal(grant.Sequence + 1, single.Sequence);
    }

    private static GlobalPrivacyControlService Service(ConsentFixture fixture) =>
        new(fixture.Database, new LedgerWriter(fixture.Clock), fixture.Clock);

    private static async Task GrantAsync(ConsentFixture fixture, params (string Purpose, Channel Channel)[] grants)
    {
        foreach (var (purpose, channel) in grants)
        {
            var cell = (await fixture.Service.GetCellsAsync(fixture.CustomerId)).GetValueOrDefault((purpose, channel));
            var result = await fixture.Service.SetAsync(fixture.Change(purpose, channel, grant: true, cell?.Version ?? 0));
            Assert.Equal(ConsentChangeOutcome.Saved, result.Outcome);
        }
    }

    // The shared test catalog has no partner: one is published here with the notice's first version.
    private static async Task AddPartnerAsync(ConsentFixture fixture, string key)
    {
        await using var db = fixture.Database.CreateDbContext();
        var recipient = new Recipient { Name = "Northwind Travel", Country = "IT" };
        var purpose = new Purpose
        {
            Key = key, Kind = PurposeKind.Sharing, LegalBasis = LegalBasis.Consent, Icon = "Share", SortOrder = 4,
            OfferedChannels = ChannelSet.Email | ChannelSet.Sms | ChannelSet.Post, Recipient = recipient,
        };
        db.Purposes.Add(purpose);
        await db.SaveChangesAsync();
        var notice = await db.NoticeVersions.Include(n => n.PurposeTexts).SingleAsync();
        notice.PurposeTexts.Add(new PurposeText
        {
            PurposeId = purpose.Id, Culture = "en", Title = "Sharing with Northwind", Summary = "About sharing.",
            DataUsed = "Some data.", Retention = "A while.",
        });
        await db.SaveChangesAsync();
    }
}
