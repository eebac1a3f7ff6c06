using System.Globalization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

public sealed class DoubleOptInTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task SwitchingOnMarketingByEmail_WaitsForConfirmationAndQueuesTheEmail()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();

        var result = await fixture.SetAsync("marketing", Channel.Email, grant: true);

        Assert.Equal(ConsentChangeOutcome.Saved, result.Outcome);
        Assert.Equal(new ConsentCell("marketing", Channel.Email, false, LifecycleFixture.Now, null, 1, AwaitingConfirmation: true), result.Current);
        Assert.Equal(ConsentState.PendingConfirmation, (await fixture.ConsentAsync("marketing", Channel.Email)).State);
        var entry = Assert.Single(await fixture.EntriesAsync(LedgerEventType.ConsentPendingConfirmation));
        Assert.Equal(("not-given", "pending", ChangeSource.Web), (entry.Before, entry.After, entry.Source));
        var mail = Assert.Single(await fixture.OutboxAsync());
        Assert.Equal(CatalogBuilder.EmailOf(fixture.CustomerId), mail.To);
        Assert.Contains(LifecycleMailFactory.BaseUrl + "confirm/", mail.TextBody, StringComparison.Ordinal);
        // A request to confirm, not marketing: nothing to unsubscribe from, no claim that the reader agreed.
        Assert.Null(mail.UnsubscribeLink);
        Assert.DoesNotContain(LifecycleMailFactory.BaseUrl + "u/", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("agreed", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nothing starts unless you confirm", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhilePending_TheContactDecisionSaysItAwaitsConfirmation()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);

        var decision = await fixture.Get<ContactDecisionService>().DecideAsync(fixture.CustomerId, Channel.Email, "marketing");

        // Not allowed, and senders are told why: the customer has not followed the confirmation link yet (issue 14).
        Assert.Equal(ContactDecisionReason.PendingConfirmation, decision.Reason);
    }

    [Fact]
    public async Task Pending_ThenConfirmed_ThenTheExpiredLinkChangesNothing()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        var token = EmailLinks.Token((await fixture.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        var links = fixture.Get<ConsentLinkService>();
        fixture.Clock.Advance(TimeSpan.FromDays(2));

        var shown = await links.CheckAsync(LinkPurpose.ConfirmOptIn, token, English);
        Assert.Equal((LinkOutcome.Ready, 200), (shown.Outcome, shown.StatusCode));
        Assert.Equal(ConsentState.PendingConfirmation, (await fixture.ConsentAsync("marketing", Channel.Email)).State);

        var confirmed = await links.ApplyAsync(LinkPurpose.ConfirmOptIn, token, English);

        var confirmedAt = LifecycleFixture.Now.AddDays(2);
        Assert.Equal(new LinkResult(LinkOutcome.Done, "Marketing", Channel.Email, confirmedAt.AddMonths(24)), confirmed);
        var consent = await fixture.ConsentAsync("marketing", Channel.Email);
        Assert.Equal((ConsentState.Granted, confirmedAt.AddMonths(24), ChangeSource.ConfirmationLink), (consent.State, consent.ExpiresAt, consent.Source));
        var entry = Assert.Single(await fixture.EntriesAsync(LedgerEventType.ConsentConfirmed));
        Assert.Equal((ActorKind.Customer, "pending", "granted", confirmedAt), (entry.ActorKind, entry.Before, entry.After, entry.OccurredAt));
        Assert.True((await fixture.Get<ContactDecisionService>().DecideAsync(fixture.CustomerId, Channel.Email, "marketing")).Allowed);

        Assert.Equal(LinkOutcome.AlreadyDone, (await links.ApplyAsync(LinkPurpose.ConfirmOptIn, token, English)).Outcome);
        Assert.Single(await fixture.EntriesAsync(LedgerEventType.ConsentConfirmed));

        fixture.Clock.Advance(TimeSpan.FromDays(5));
        var expired = await links.ApplyAsync(LinkPurpose.ConfirmOptIn, token, English);
        Assert.Equal((LinkOutcome.Expired, 410), (expired.Outcome, expired.StatusCode));
    }

    [Fact]
    public async Task AConfirmationLinkFollowedAfterSevenDays_Is410AndTheConsentStaysPending()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        var token = EmailLinks.Token((await fixture.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        fixture.Clock.Advance(TimeSpan.FromDays(7));

        var result = await fixture.Get<ConsentLinkService>().ApplyAsync(LinkPurpose.ConfirmOptIn, token, English);

        Assert.Equal((LinkOutcome.Expired, 410), (result.Outcome, result.StatusCode));
        Assert.Equal(ConsentState.PendingConfirmation, (await fixture.ConsentAsync("marketing", Channel.Email)).State);
        Assert.Empty(await fixture.EntriesAsync(LedgerEventType.ConsentConfirmed));
    }

    [Fact]
    public async Task OnceTheLinkHasExpired_TheExpiryJobClosesTheRequest_AndSwitchingOnAgainSendsANewLink()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        var job = fixture.Get<ExpiryJob>();

        fixture.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await job.RunOnceAsync();
        Assert.True((await fixture.Consents.GetCellsAsync(fixture.CustomerId))[("marketing", Channel.Email)].AwaitingConfirmation);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await job.RunOnceAsync();
        await job.RunOnceAsync();

        var cell = (await fixture.Consents.GetCellsAsync(fixture.CustomerId))[("marketing", Channel.Email)];
        Assert.Equal((false, false), (cell.IsOn, cell.AwaitingConfirmation));
        var lapse = Assert.Single(await fixture.EntriesAsync(LedgerEventType.ConsentConfirmationLapsed));
        Assert.Equal((ActorKind.System, ChangeSource.System, "pending", "withdrawn", LedgerTime.Format(LifecycleFixture.Now.AddDays(7))),
            (lapse.ActorKind, lapse.Source, lapse.Before, lapse.After, lapse.Detail));

        var again = await fixture.SetAsync("marketing", Channel.Email, grant: true, expectedVersion: cell.Version);
        Assert.True(again.Current!.AwaitingConfirmation);
        Assert.Equal(2, (await fixture.OutboxAsync()).Count);
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task TheLinkLifetime_FollowsLifecycleConfirmationLinkDays()
    {
        await using var fixture = await LifecycleFixture.CreateAsync(new Dictionary<string, string?> { ["Lifecycle:ConfirmationLinkDays"] = "2" });
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        var token = EmailLinks.Token((await fixture.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        fixture.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(LinkOutcome.Expired, (await fixture.Get<ConsentLinkService>().ApplyAsync(LinkPurpose.ConfirmOptIn, token, English)).Outcome);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("wrong-purpose")]
    [InlineData("empty")]
    public async Task ALinkWeDidNotMakeAsItIs_Is400AndChangesNothing(string kind)
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        var good = EmailLinks.Token((await fixture.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        var token = kind switch
        {
            "tampered" => good[..^4] + (good[^4..] == "AAAA" ? "BBBB" : "AAAA"),
            "wrong-purpose" => fixture.Token(LinkPurpose.Renew, "marketing", Channel.Email, TimeSpan.FromDays(1)),
            _ => string.Empty,
        };

        var result = await fixture.Get<ConsentLinkService>().ApplyAsync(LinkPurpose.ConfirmOptIn, token, English);

        Assert.Equal((LinkOutcome.Invalid, 400), (result.Outcome, result.StatusCode));
        Assert.Equal(ConsentState.PendingConfirmation, (await fixture.ConsentAsync("marketing", Channel.Email)).State);
    }

    [Fact]
    public async Task ConfirmingAfterSwitchingItOffAgain_Is410AndChangesNothing()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        var token = EmailLinks.Token((await fixture.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        var withdrawn = await fixture.SetAsync("marketing", Channel.Email, grant: false, expectedVersion: 1);
        Assert.Equal(ConsentChangeOutcome.Saved, withdrawn.Outcome);

        var result = await fixture.Get<ConsentLinkService>().ApplyAsync(LinkPurpose.ConfirmOptIn, token, English);

        Assert.Equal((LinkOutcome.NothingToDo, 410), (result.Outcome, result.StatusCode));
        Assert.Equal(ConsentState.Withdrawn, (await fixture.ConsentAsync("marketing", Channel.Email)).State);
    }

    [Fact]
    public async Task StaffRecordingMarketingByEmail_TakesEffectAtOnceWithNoEmail()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();

        var result = await fixture.Consents.SetAsync(new ConsentChange(
            fixture.CustomerId, "marketing", Channel.Email, true, 0, Actor.Staff("agent-1", "asked by phone", "phone"), ChangeSource.Support));

        Assert.True(result.Current!.IsOn);
        Assert.Empty(await fixture.OutboxAsync());
    }

    [Fact]
    public async Task OtherChannelsAndPurposes_NeedNoConfirmation()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();

        Assert.True((await fixture.SetAsync("marketing", Channel.Sms, grant: true)).Current!.IsOn);
        Assert.True((await fixture.SetAsync("profiling", Channel.Email, grant: true)).Current!.IsOn);
        Assert.Empty(await fixture.OutboxAsync());
    }

    [Fact]
    public async Task ACustomerWithNoAddress_IsToldWhyAndNothingIsWritten()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await using (var db = fixture.Database.CreateDbContext())
        {
            db.Users.RemoveRange(db.Users);
            await db.SaveChangesAsync();
        }

        var result = await fixture.SetAsync("marketing", Channel.Email, grant: true);

        Assert.Equal((ConsentChangeOutcome.Rejected, ConsentProblem.NoAddressToConfirm), (result.Outcome, result.Problem));
        Assert.Empty(await fixture.OutboxAsync());
        Assert.Empty(await fixture.EntriesAsync(LedgerEventType.ConsentPendingConfirmation));
    }

    [Fact]
    public async Task WithdrawEverything_AlsoWithdrawsAPendingRequest()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("marketing", Channel.Email, grant: true);

        var count = await fixture.Consents.WithdrawAllAsync(fixture.CustomerId, Actor.Customer(fixture.CustomerId), ChangeSource.Web);

        Assert.Equal(1, count);
        var entry = Assert.Single(await fixture.EntriesAsync(LedgerEventType.ConsentWithdrawn));
        Assert.Equal(("pending", "withdrawn"), (entry.Before, entry.After));
    }
}
