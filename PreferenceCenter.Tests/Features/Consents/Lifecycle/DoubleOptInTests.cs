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
        await using var f = await LifecycleFixture.CreateAsync();

        var result = await f.SetAsync("marketing", Channel.Email, grant: true);

        Assert.Equal(ConsentChangeOutcome.Saved, result.Outcome);
        Assert.Equal(new ConsentCell("marketing", Channel.Email, false, LifecycleFixture.Now, null, 1, AwaitingConfirmation: true), result.Current);
        Assert.Equal(ConsentState.PendingConfirmation, (await f.ConsentAsync("marketing", Channel.Email)).State);
        var entry = Assert.Single(await f.EntriesAsync(LedgerEventType.ConsentPendingConfirmation));
        Assert.Equal(("not-given", "pending", ChangeSource.Web), (entry.Before, entry.After, entry.Source));
        var mail = Assert.Single(await f.OutboxAsync());
        Assert.Equal(CatalogBuilder.EmailOf(f.CustomerId), mail.To);
        Assert.StartsWith(LifecycleMailFactory.BaseUrl + "u/", mail.UnsubscribeLink, StringComparison.Ordinal);
        Assert.Contains(LifecycleMailFactory.BaseUrl + "confirm/", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhilePending_TheContactDecisionSaysNoConsent()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("marketing", Channel.Email, grant: true);

        var decision = await f.Get<ContactDecisionService>().DecideAsync(f.CustomerId, Channel.Email, "marketing");

        Assert.Equal(ContactDecisionReason.NoConsent, decision.Reason);
    }

    [Fact]
    public async Task Pending_ThenConfirmed_ThenTheExpiredLinkChangesNothing()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("marketing", Channel.Email, grant: true);
        var token = EmailLinks.Token((await f.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        var confirmations = f.Get<ConfirmationService>();
        f.Clock.Advance(TimeSpan.FromDays(2));

        var shown = await confirmations.CheckAsync(token, English);
        Assert.Equal((LinkOutcome.Ready, 200), (shown.Outcome, shown.StatusCode));
        Assert.Equal(ConsentState.PendingConfirmation, (await f.ConsentAsync("marketing", Channel.Email)).State);

        var confirmed = await confirmations.ConfirmAsync(token, English);

        var confirmedAt = LifecycleFixture.Now.AddDays(2);
        Assert.Equal(new LinkResult(LinkOutcome.Done, "Marketing", Channel.Email, confirmedAt.AddMonths(24)), confirmed);
        var consent = await f.ConsentAsync("marketing", Channel.Email);
        Assert.Equal((ConsentState.Granted, confirmedAt.AddMonths(24), ChangeSource.ConfirmationLink), (consent.State, consent.ExpiresAt, consent.Source));
        var entry = Assert.Single(await f.EntriesAsync(LedgerEventType.ConsentConfirmed));
        Assert.Equal((ActorKind.Customer, "pending", "granted", confirmedAt), (entry.ActorKind, entry.Before, entry.After, entry.OccurredAt));
        Assert.True((await f.Get<ContactDecisionService>().DecideAsync(f.CustomerId, Channel.Email, "marketing")).Allowed);

        Assert.Equal(LinkOutcome.AlreadyDone, (await confirmations.ConfirmAsync(token, English)).Outcome);
        Assert.Single(await f.EntriesAsync(LedgerEventType.ConsentConfirmed));

        f.Clock.Advance(TimeSpan.FromDays(5));
        var expired = await confirmations.ConfirmAsync(token, English);
        Assert.Equal((LinkOutcome.Expired, 410), (expired.Outcome, expired.StatusCode));
    }

    [Fact]
    public async Task AConfirmationLinkFollowedAfterSevenDays_Is410AndTheConsentStaysPending()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("marketing", Channel.Email, grant: true);
        var token = EmailLinks.Token((await f.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        f.Clock.Advance(TimeSpan.FromDays(7));

        var result = await f.Get<ConfirmationService>().ConfirmAsync(token, English);

        Assert.Equal((LinkOutcome.Expired, 410), (result.Outcome, result.StatusCode));
        Assert.Equal(ConsentState.PendingConfirmation, (await f.ConsentAsync("marketing", Channel.Email)).State);
        Assert.Empty(await f.EntriesAsync(LedgerEventType.ConsentConfirmed));
    }

    [Fact]
    public async Task OnceTheLinkHasExpired_TheExpiryJobClosesTheRequest_AndSwitchingOnAgainSendsANewLink()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("marketing", Channel.Email, grant: true);
        var job = f.Get<ExpiryJob>();

        f.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await job.RunOnceAsync();
        Assert.True((await f.Consents.GetCellsAsync(f.CustomerId))[("marketing", Channel.Email)].AwaitingConfirmation);

        f.Clock.Advance(TimeSpan.FromMinutes(1));
        await job.RunOnceAsync();
        await job.RunOnceAsync();

        var cell = (await f.Consents.GetCellsAsync(f.CustomerId))[("marketing", Channel.Email)];
        Assert.Equal((false, false), (cell.IsOn, cell.AwaitingConfirmation));
        var lapse = Assert.Single(await f.EntriesAsync(LedgerEventType.ConsentConfirmationLapsed));
        Assert.Equal((ActorKind.System, ChangeSource.System, "pending", "withdrawn", LedgerTime.Format(LifecycleFixture.Now.AddDays(7))),
            (lapse.ActorKind, lapse.Source, lapse.Before, lapse.After, lapse.Detail));

        var again = await f.SetAsync("marketing", Channel.Email, grant: true, expectedVersion: cell.Version);
        Assert.True(again.Current!.AwaitingConfirmation);
        Assert.Equal(2, (await f.OutboxAsync()).Count);
        Assert.True((await new LedgerVerifier(f.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task TheLinkLifetime_FollowsLifecycleConfirmationLinkDays()
    {
        await using var f = await LifecycleFixture.CreateAsync(new Dictionary<string, string?> { ["Lifecycle:ConfirmationLinkDays"] = "2" });
        await f.SetAsync("marketing", Channel.Email, grant: true);
        var token = EmailLinks.Token((await f.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        f.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(LinkOutcome.Expired, (await f.Get<ConfirmationService>().ConfirmAsync(token, English)).Outcome);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("wrong-purpose")]
    [InlineData("empty")]
    public async Task ALinkWeDidNotMakeAsItIs_Is400AndChangesNothing(string kind)
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("marketing", Channel.Email, grant: true);
        var good = EmailLinks.Token((await f.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        var token = kind switch
        {
            "tampered" => good[..^4] + (good[^4..] == "AAAA" ? "BBBB" : "AAAA"),
            "wrong-purpose" => f.Token(LinkPurpose.Renew, "marketing", Channel.Email, TimeSpan.FromDays(1)),
            _ => string.Empty,
        };

        var result = await f.Get<ConfirmationService>().ConfirmAsync(token, English);

        Assert.Equal((LinkOutcome.Invalid, 400), (result.Outcome, result.StatusCode));
        Assert.Equal(ConsentState.PendingConfirmation, (await f.ConsentAsync("marketing", Channel.Email)).State);
    }

    [Fact]
    public async Task ConfirmingAfterSwitchingItOffAgain_Is410AndChangesNothing()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("marketing", Channel.Email, grant: true);
        var token = EmailLinks.Token((await f.OutboxAsync()).Single().TextBody, LifecycleMail.ConfirmPath);
        var withdrawn = await f.SetAsync("marketing", Channel.Email, grant: false, expectedVersion: 1);
        Assert.Equal(ConsentChangeOutcome.Saved, withdrawn.Outcome);

        var result = await f.Get<ConfirmationService>().ConfirmAsync(token, English);

        Assert.Equal((LinkOutcome.NothingToDo, 410), (result.Outcome, result.StatusCode));
        Assert.Equal(ConsentState.Withdrawn, (await f.ConsentAsync("marketing", Channel.Email)).State);
    }

    [Fact]
    public async Task StaffRecordingMarketingByEmail_TakesEffectAtOnceWithNoEmail()
    {
        await using var f = await LifecycleFixture.CreateAsync();

        var result = await f.Consents.SetAsync(new ConsentChange(
            f.CustomerId, "marketing", Channel.Email, true, 0, Actor.Staff("agent-1", "asked by phone", "phone"), ChangeSource.Support));

        Assert.True(result.Current!.IsOn);
        Assert.Empty(await f.OutboxAsync());
    }

    [Fact]
    public async Task OtherChannelsAndPurposes_NeedNoConfirmation()
    {
        await using var f = await LifecycleFixture.CreateAsync();

        Assert.True((await f.SetAsync("marketing", Channel.Sms, grant: true)).Current!.IsOn);
        Assert.True((await f.SetAsync("profiling", Channel.Email, grant: true)).Current!.IsOn);
        Assert.Empty(await f.OutboxAsync());
    }

    [Fact]
    public async Task ACustomerWithNoAddress_IsToldWhyAndNothingIsWritten()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await using (var db = f.Database.CreateDbContext())
        {
            db.Users.RemoveRange(db.Users);
            await db.SaveChangesAsync();
        }

        var result = await f.SetAsync("marketing", Channel.Email, grant: true);

        Assert.Equal((ConsentChangeOutcome.Rejected, ConsentProblem.NoAddressToConfirm), (result.Outcome, result.Problem));
        Assert.Empty(await f.OutboxAsync());
        Assert.Empty(await f.EntriesAsync(LedgerEventType.ConsentPendingConfirmation));
    }

    [Fact]
    public async Task WithdrawEverything_AlsoWithdrawsAPendingRequest()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("marketing", Channel.Email, grant: true);

        var count = await f.Consents.WithdrawAllAsync(f.CustomerId, Actor.Customer(f.CustomerId), ChangeSource.Web);

        Assert.Equal(1, count);
        var entry = Assert.Single(await f.EntriesAsync(LedgerEventType.ConsentWithdrawn));
        Assert.Equal(("pending", "withdrawn"), (entry.Before, entry.After));
    }
}
