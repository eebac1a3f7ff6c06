using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.MyData;
using PreferenceCenter.Features.Webhooks;
using PreferenceCenter.Tests.Features.Erasure;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.MyData;

/// <summary>/my-data's "Where your data went": in plain words, per partner, from the delivery record.</summary>
public sealed class WhereMyDataWentPageTests : ErasurePageTestBase
{
    [Fact]
    public async Task Render_SaysPerPartnerWhatIsSharedAndWhetherEachWithdrawalArrived()
    {
        await SignInCustomerAsync();
        await AddPartnerDeliveriesAsync();

        var cut = Render<MyDataPage>();
        cut.WaitForAssertion(() => Assert.Contains("Northwind Traders", cut.Markup, StringComparison.Ordinal));
        // The page loads its sections one after another; on a store that truly awaits, the list comes a render later.
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("section[aria-labelledby=my-data-partners] .my-data__told li").Count));

        var section = cut.Find("section[aria-labelledby=my-data-partners]");
        Assert.Equal("Where your data went", section.QuerySelector("h2")!.TextContent);
        var told = section.QuerySelectorAll(".my-data__told li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, told.Count);
        Assert.Contains("we told them you withdrew Sharing with Northwind by email. Their system confirmed receipt on", told[0], StringComparison.Ordinal);
        Assert.Contains("we told them to delete everything they hold about you. Not delivered yet: their system has not answered, and we keep trying.", told[1], StringComparison.Ordinal);
        Assert.Contains("Sharing with Northwind by email: not shared since", section.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WithoutPartners_SaysNothingWasShared()
    {
        await SignInCustomerAsync();

        var cut = Render<MyDataPage>();

        cut.WaitForAssertion(() => Assert.Contains("We have not shared your data with any partner.", cut.Markup, StringComparison.Ordinal));
    }

    private async Task AddPartnerDeliveriesAsync()
    {
        await using var db = Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PreferenceCenter.Data.AppDbContext>>().CreateDbContext();
        var partner = await PartnerSetup.AddAsync(db);
        var now = Clock.GetUtcNow();
        var purpose = db.Purposes.Single(p => p.Key == PartnerSetup.PurposeKey);
        db.Consents.Add(new PreferenceCenter.Features.Consents.Consent
        {
            CustomerId = CustomerId, PurposeId = purpose.Id, Channel = Channel.Email, State = PreferenceCenter.Features.Consents.ConsentState.Withdrawn,
            ChangedAt = now, NoticeVersion = 1, Source = ChangeSource.Web,
        });
        var client = new ApiClient { Id = Guid.NewGuid(), Name = "northwind crm", Scopes = ApiScopes.Decisions, SecretHash = new byte[32], RecipientId = partner, CreatedAt = now };
        db.ApiClients.Add(client);
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.NewGuid(), ApiClientId = client.Id, Url = "https://93.184.216.34/hooks", EventTypes = string.Join(' ', WebhookEventTypes.All),
            SealedSecret = "sealed", CreatedAt = now,
        };
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        var ledger = Services.GetRequiredService<PreferenceCenter.Features.Ledger.LedgerWriter>();
        var withdrawn = await ledger.AppendAsync(db, new PreferenceCenter.Features.Ledger.LedgerDraft(
            PreferenceCenter.Features.Ledger.LedgerEventType.ConsentWithdrawn, Actor.Customer(CustomerId), CustomerId, ChangeSource.Web, 1,
            PartnerSetup.PurposeKey, Channel.Email, "granted", "withdrawn"));
        await db.SaveChangesAsync();
        var erased = await ledger.AppendAsync(db, new PreferenceCenter.Features.Ledger.LedgerDraft(
            PreferenceCenter.Features.Ledger.LedgerEventType.CustomerErased, Actor.System("test"), CustomerId, ChangeSource.Erasure));
        await db.SaveChangesAsync();
        db.WebhookDeliveries.Add(Delivery(endpoint.Id, withdrawn.Sequence, now, acknowledged: true));
        db.WebhookDeliveries.Add(Delivery(endpoint.Id, erased.Sequence, now.AddMinutes(1), acknowledged: false));
        await db.SaveChangesAsync();
    }

    private WebhookDelivery Delivery(Guid endpoint, long sequence, DateTimeOffset at, bool acknowledged) => new()
    {
        EndpointId = endpoint, LedgerSequence = sequence, CustomerId = CustomerId, EventType = WebhookEventTypes.ConsentChanged,
        MessageId = $"msg_{sequence}", Payload = "{}", OccurredAt = at, QueuedAt = at, TryingSince = at, NextAttemptAt = at,
        Attempts = 1, LastAttemptAt = at, AcknowledgedAt = acknowledged ? at : null, LastStatusCode = acknowledged ? 204 : 500,
    };
}
