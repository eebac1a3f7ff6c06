using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

/// <summary>Profiling by email lasts 12 months in the test catalog and needs no double opt-in: a clean clock to move.</summary>
public sealed class RenewalAndExpiryTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly DateTimeOffset Ends = LifecycleFixture.Now.AddMonths(12);

    [Fact]
    public async Task Grant_ReminderAtDayMinus30_RenewFromTheEmail_StartsANewPeriod()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        var reminders = fixture.Get<RenewalReminderSender>();

        fixture.Clock.SetUtcNow(Ends.AddDays(-30).AddMinutes(-1));
        Assert.Equal(0, await reminders.RunOnceAsync());
        fixture.Clock.SetUtcNow(Ends.AddDays(-30));
        Assert.Equal(1, await reminders.RunOnceAsync());

        var reminded = Assert.Single(await fixture.EntriesAsync(LedgerEventType.RenewalReminderSent));
        Assert.Equal((ActorKind.System, LedgerTime.Format(Ends)), (reminded.ActorKind, reminded.Detail));
        var mail = Assert.Single(await fixture.OutboxAsync());
        // The way to the rest of the choices: the footer's password-free manage link, not a page behind a sign-in.
        Assert.Contains(LifecycleMailFactory.BaseUrl + "m/", mail.TextBody, StringComparison.Ordinal);
        var token = EmailLinks.Token(mail.TextBody, LifecycleMail.RenewPath);

        fixture.Clock.Advance(TimeSpan.FromDays(10));
        var links = fixture.Get<ConsentLinkService>();
        Assert.Equal(new LinkResult(LinkOutcome.Ready, "Profiling", Channel.Email, Ends), await links.CheckAsync(LinkPurpose.Renew, token, English));
        var renewed = await links.ApplyAsync(LinkPurpose.Renew, token, English);

        var renewedAt = Ends.AddDays(-20);
        Assert.Equal(new LinkResult(LinkOutcome.Done, "Profiling", Channel.Email, renewedAt.AddMonths(12)), renewed);
        var entry = Assert.Single(await fixture.EntriesAsync(LedgerEventType.ConsentRenewed));
        Assert.Equal((ChangeSource.RenewalLink, LedgerTime.Format(Ends), LedgerTime.Format(renewedAt.AddMonths(12))), (entry.Source, entry.Before, entry.After));

        // A replayed link renews nothing more; the old end passes without a lapse.
        Assert.Equal(LinkOutcome.AlreadyDone, (await links.ApplyAsync(LinkPurpose.Renew, token, English)).Outcome);
        fixture.Clock.SetUtcNow(Ends.AddDays(1));
        Assert.Equal(0, await fixture.Get<LapseRecorder>().RunOnceAsync());
        Assert.True((await fixture.Consents.GetCellsAsync(fixture.CustomerId))[("profiling", Channel.Email)].IsOn);
    }

    [Fact]
    public async Task Grant_Reminder_NoRenewal_ExpiresOnce_ThenTheLinkIs410_AndGrantingAgainStartsOver()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        fixture.Clock.SetUtcNow(Ends.AddDays(-30));
        await fixture.Get<RenewalReminderSender>().RunOnceAsync();
        var token = EmailLinks.Token((await fixture.OutboxAsync()).Single().TextBody, LifecycleMail.RenewPath);

        fixture.Clock.SetUtcNow(Ends);
        // Off from the first moment past its end, before any job has run.
        Assert.False((await fixture.Consents.GetCellsAsync(fixture.CustomerId))[("profiling", Channel.Email)].IsOn);
        var expiry = fixture.Get<LapseRecorder>();
        Assert.Equal(1, await expiry.RunOnceAsync());
        Assert.Equal(0, await expiry.RunOnceAsync());

        var lapse = Assert.Single(await fixture.EntriesAsync(LedgerEventType.ConsentExpired));
        Assert.Equal((ActorKind.System, ChangeSource.System, "granted", "expired", LedgerTime.Format(Ends)),
            (lapse.ActorKind, lapse.Source, lapse.Before, lapse.After, lapse.Detail));
        Assert.Equal(410, (await fixture.Get<ConsentLinkService>().ApplyAsync(LinkPurpose.Renew, token, English)).StatusCode);

        var again = await fixture.SetAsync("profiling", Channel.Email, grant: true, expectedVersion: 1);
        Assert.Equal(Ends.AddMonths(12), again.Current!.ExpiresAt);
        fixture.Clock.SetUtcNow(Ends.AddMonths(12));
        Assert.Equal(1, await expiry.RunOnceAsync());
        Assert.Equal(2, (await fixture.EntriesAsync(LedgerEventType.ConsentExpired)).Count);
    }

    [Fact]
    public async Task ExpiryJob_TwoInstancesAndReruns_RecordEachLapseExactlyOnce()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);
        await using var second = LifecycleMailFactory.Services(fixture.Database, fixture.Clock);
        fixture.Clock.SetUtcNow(LifecycleFixture.Now.AddMonths(25));

        await Task.WhenAll(
            fixture.Get<ExpiryJob>().RunOnceAsync(), second.GetRequiredService<ExpiryJob>().RunOnceAsync(),
            fixture.Get<LapseRecorder>().RunOnceAsync(), second.GetRequiredService<LapseRecorder>().RunOnceAsync());
        await fixture.Get<ExpiryJob>().RunOnceAsync();

        Assert.Equal(["marketing", "profiling"], (await fixture.EntriesAsync(LedgerEventType.ConsentExpired)).Select(e => e.PurposeKey).Order());
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Reminders_OnePerPeriod_AcrossTwoInstancesARerunAndARestart()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        fixture.Clock.SetUtcNow(Ends.AddDays(-20));
        await using var second = LifecycleMailFactory.Services(fixture.Database, fixture.Clock);

        // Two instances at once, each through its job (lease) and straight through the batch (no lease).
        await Task.WhenAll(
            fixture.Get<ReminderJob>().RunOnceAsync(), second.GetRequiredService<ReminderJob>().RunOnceAsync(),
            fixture.Get<RenewalReminderSender>().RunOnceAsync(), second.GetRequiredService<RenewalReminderSender>().RunOnceAsync());
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await fixture.Get<ReminderJob>().RunOnceAsync();
        await using (var restarted = LifecycleMailFactory.Services(fixture.Database, fixture.Clock))
        {
            await restarted.GetRequiredService<ReminderJob>().RunOnceAsync();
        }

        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(1, await db.RenewalReminders.CountAsync());
        Assert.Single(await fixture.OutboxAsync());
        Assert.Single(await fixture.EntriesAsync(LedgerEventType.RenewalReminderSent));
    }

    [Fact]
    public async Task APauseOnEmail_HoldsTheReminder_UntilItEnds()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        var reminders = fixture.Get<RenewalReminderSender>();
        var rules = fixture.Get<ContactRulesService>();
        fixture.Clock.SetUtcNow(Ends.AddDays(-40));
        await rules.PauseAsync(fixture.CustomerId, [Channel.Email], Ends.AddDays(-15), Actor.Customer(fixture.CustomerId), ChangeSource.Web);

        fixture.Clock.SetUtcNow(Ends.AddDays(-30));
        Assert.Equal(0, await reminders.RunOnceAsync());
        fixture.Clock.SetUtcNow(Ends.AddDays(-15).AddMinutes(-1));
        Assert.Equal(0, await reminders.RunOnceAsync());
        fixture.Clock.SetUtcNow(Ends.AddDays(-15));
        Assert.Equal(1, await reminders.RunOnceAsync());
        Assert.Single(await fixture.OutboxAsync());
    }

    [Fact]
    public async Task APauseOnEmailThatOutlastsThePeriod_MeansNoReminder_AndAPauseElsewhereHoldsNothing()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);
        var reminders = fixture.Get<RenewalReminderSender>();
        var rules = fixture.Get<ContactRulesService>();
        fixture.Clock.SetUtcNow(Ends.AddDays(-40));
        await rules.PauseAsync(fixture.CustomerId, [Channel.Email], Ends.AddDays(1), Actor.Customer(fixture.CustomerId), ChangeSource.Web);

        fixture.Clock.SetUtcNow(Ends.AddDays(-30));
        Assert.Equal(0, await reminders.RunOnceAsync());
        fixture.Clock.SetUtcNow(Ends.AddDays(1));
        Assert.Equal(0, await reminders.RunOnceAsync());
        Assert.Empty(await fixture.OutboxAsync());

        // Marketing by SMS lasts 24 months; its reminder comes by email, so only the email pause counts.
        var smsEnds = LifecycleFixture.Now.AddMonths(24);
        fixture.Clock.SetUtcNow(smsEnds.AddDays(-40));
        await rules.PauseAsync(fixture.CustomerId, [Channel.Sms], smsEnds.AddDays(10), Actor.Customer(fixture.CustomerId), ChangeSource.Web);
        fixture.Clock.SetUtcNow(smsEnds.AddDays(-30));
        Assert.Equal(1, await reminders.RunOnceAsync());
    }

    [Fact]
    public async Task AfterARenewal_TheNextPeriodGetsItsOwnReminder()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        fixture.Clock.SetUtcNow(Ends.AddDays(-30));
        await fixture.Get<RenewalReminderSender>().RunOnceAsync();
        await fixture.Get<ConsentLinkService>().ApplyAsync(LinkPurpose.Renew, EmailLinks.Token((await fixture.OutboxAsync()).Single().TextBody, LifecycleMail.RenewPath), English);

        fixture.Clock.SetUtcNow(Ends.AddDays(-30).AddMonths(12).AddDays(-30));
        Assert.Equal(1, await fixture.Get<RenewalReminderSender>().RunOnceAsync());
        Assert.Equal(2, (await fixture.OutboxAsync()).Count);
    }

    [Fact]
    public async Task WithdrawnOrNeverExpiringConsents_GetNoReminder()
    {
        await using var fixture = await LifecycleFixture.CreateAsync();
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        await fixture.SetAsync("profiling", Channel.Email, grant: false, expectedVersion: 1);
        fixture.Clock.SetUtcNow(Ends.AddDays(-10));

        Assert.Equal(0, await fixture.Get<RenewalReminderSender>().RunOnceAsync());
        Assert.Empty(await fixture.OutboxAsync());
    }

    [Fact]
    public async Task TheReminderLead_FollowsLifecycleRenewalReminderDays()
    {
        await using var fixture = await LifecycleFixture.CreateAsync(new Dictionary<string, string?> { ["Lifecycle:RenewalReminderDays"] = "7" });
        await fixture.SetAsync("profiling", Channel.Email, grant: true);

        fixture.Clock.SetUtcNow(Ends.AddDays(-8));
        Assert.Equal(0, await fixture.Get<RenewalReminderSender>().RunOnceAsync());
        fixture.Clock.SetUtcNow(Ends.AddDays(-7));
        Assert.Equal(1, await fixture.Get<RenewalReminderSender>().RunOnceAsync());
    }
}
