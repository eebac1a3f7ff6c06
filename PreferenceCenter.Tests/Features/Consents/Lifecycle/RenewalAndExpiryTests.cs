using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Ledger;
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
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("profiling", Channel.Email, grant: true);
        var reminders = f.Get<RenewalReminders>();

        f.Clock.SetUtcNow(Ends.AddDays(-30).AddMinutes(-1));
        Assert.Equal(0, await reminders.RunOnceAsync());
        f.Clock.SetUtcNow(Ends.AddDays(-30));
        Assert.Equal(1, await reminders.RunOnceAsync());

        var reminded = Assert.Single(await f.EntriesAsync(LedgerEventType.RenewalReminderSent));
        Assert.Equal((ActorKind.System, LedgerTime.Format(Ends)), (reminded.ActorKind, reminded.Detail));
        var mail = Assert.Single(await f.OutboxAsync());
        Assert.Contains(LifecycleMailFactory.BaseUrl + "preferences", mail.TextBody, StringComparison.Ordinal);
        var token = EmailLinks.Token(mail.TextBody, LifecycleMail.RenewPath);

        f.Clock.Advance(TimeSpan.FromDays(10));
        var renewals = f.Get<RenewalService>();
        Assert.Equal(new LinkResult(LinkOutcome.Ready, "Profiling", Channel.Email, Ends), await renewals.CheckAsync(token, English));
        var renewed = await renewals.RenewAsync(token, English);

        var renewedAt = Ends.AddDays(-20);
        Assert.Equal(new LinkResult(LinkOutcome.Done, "Profiling", Channel.Email, renewedAt.AddMonths(12)), renewed);
        var entry = Assert.Single(await f.EntriesAsync(LedgerEventType.ConsentRenewed));
        Assert.Equal((ChangeSource.RenewalLink, LedgerTime.Format(Ends), LedgerTime.Format(renewedAt.AddMonths(12))), (entry.Source, entry.Before, entry.After));

        // A replayed link renews nothing more; the old end passes without a lapse.
        Assert.Equal(LinkOutcome.AlreadyDone, (await renewals.RenewAsync(token, English)).Outcome);
        f.Clock.SetUtcNow(Ends.AddDays(1));
        Assert.Equal(0, await f.Get<ConsentExpiry>().RunOnceAsync());
        Assert.True((await f.Consents.GetCellsAsync(f.CustomerId))[("profiling", Channel.Email)].IsOn);
    }

    [Fact]
    public async Task Grant_Reminder_NoRenewal_ExpiresOnce_ThenTheLinkIs410_AndGrantingAgainStartsOver()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("profiling", Channel.Email, grant: true);
        f.Clock.SetUtcNow(Ends.AddDays(-30));
        await f.Get<RenewalReminders>().RunOnceAsync();
        var token = EmailLinks.Token((await f.OutboxAsync()).Single().TextBody, LifecycleMail.RenewPath);

        f.Clock.SetUtcNow(Ends);
        // Off from the first moment past its end, before any job has run.
        Assert.False((await f.Consents.GetCellsAsync(f.CustomerId))[("profiling", Channel.Email)].IsOn);
        var expiry = f.Get<ConsentExpiry>();
        Assert.Equal(1, await expiry.RunOnceAsync());
        Assert.Equal(0, await expiry.RunOnceAsync());

        var lapse = Assert.Single(await f.EntriesAsync(LedgerEventType.ConsentExpired));
        Assert.Equal((ActorKind.System, ChangeSource.System, "granted", "expired", LedgerTime.Format(Ends)),
            (lapse.ActorKind, lapse.Source, lapse.Before, lapse.After, lapse.Detail));
        Assert.Equal(410, (await f.Get<RenewalService>().RenewAsync(token, English)).StatusCode);

        var again = await f.SetAsync("profiling", Channel.Email, grant: true, expectedVersion: 1);
        Assert.Equal(Ends.AddMonths(12), again.Current!.ExpiresAt);
        f.Clock.SetUtcNow(Ends.AddMonths(12));
        Assert.Equal(1, await expiry.RunOnceAsync());
        Assert.Equal(2, (await f.EntriesAsync(LedgerEventType.ConsentExpired)).Count);
    }

    [Fact]
    public async Task ExpiryJob_TwoInstancesAndReruns_RecordEachLapseExactlyOnce()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("profiling", Channel.Email, grant: true);
        await f.SetAsync("marketing", Channel.Sms, grant: true);
        await using var second = LifecycleMailFactory.Services(f.Database, f.Clock);
        f.Clock.SetUtcNow(LifecycleFixture.Now.AddMonths(25));

        await Task.WhenAll(
            f.Get<ExpiryJob>().RunOnceAsync(), second.GetRequiredService<ExpiryJob>().RunOnceAsync(),
            f.Get<ConsentExpiry>().RunOnceAsync(), second.GetRequiredService<ConsentExpiry>().RunOnceAsync());
        await f.Get<ExpiryJob>().RunOnceAsync();

        Assert.Equal(["marketing", "profiling"], (await f.EntriesAsync(LedgerEventType.ConsentExpired)).Select(e => e.PurposeKey).Order());
        Assert.True((await new LedgerVerifier(f.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Reminders_OnePerPeriod_AcrossTwoInstancesARerunAndARestart()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("profiling", Channel.Email, grant: true);
        f.Clock.SetUtcNow(Ends.AddDays(-20));
        await using var second = LifecycleMailFactory.Services(f.Database, f.Clock);

        // Two instances at once, each through its job (lease) and straight through the batch (no lease).
        await Task.WhenAll(
            f.Get<ReminderJob>().RunOnceAsync(), second.GetRequiredService<ReminderJob>().RunOnceAsync(),
            f.Get<RenewalReminders>().RunOnceAsync(), second.GetRequiredService<RenewalReminders>().RunOnceAsync());
        f.Clock.Advance(TimeSpan.FromDays(1));
        await f.Get<ReminderJob>().RunOnceAsync();
        await using (var restarted = LifecycleMailFactory.Services(f.Database, f.Clock))
        {
            await restarted.GetRequiredService<ReminderJob>().RunOnceAsync();
        }

        await using var db = f.Database.CreateDbContext();
        Assert.Equal(1, await db.RenewalReminders.CountAsync());
        Assert.Single(await f.OutboxAsync());
        Assert.Single(await f.EntriesAsync(LedgerEventType.RenewalReminderSent));
    }

    [Fact]
    public async Task APauseOnEmail_HoldsTheReminder_UntilItEnds()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("profiling", Channel.Email, grant: true);
        var reminders = f.Get<RenewalReminders>();
        var rules = f.Get<ContactRulesService>();
        f.Clock.SetUtcNow(Ends.AddDays(-40));
        await rules.PauseAsync(f.CustomerId, [Channel.Email], Ends.AddDays(-15), Actor.Customer(f.CustomerId), ChangeSource.Web);

        f.Clock.SetUtcNow(Ends.AddDays(-30));
        Assert.Equal(0, await reminders.RunOnceAsync());
        f.Clock.SetUtcNow(Ends.AddDays(-15).AddMinutes(-1));
        Assert.Equal(0, await reminders.RunOnceAsync());
        f.Clock.SetUtcNow(Ends.AddDays(-15));
        Assert.Equal(1, await reminders.RunOnceAsync());
        Assert.Single(await f.OutboxAsync());
    }

    [Fact]
    public async Task APauseOnEmailThatOutlastsThePeriod_MeansNoReminder_AndAPauseElsewhereHoldsNothing()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("profiling", Channel.Email, grant: true);
        await f.SetAsync("marketing", Channel.Sms, grant: true);
        var reminders = f.Get<RenewalReminders>();
        var rules = f.Get<ContactRulesService>();
        f.Clock.SetUtcNow(Ends.AddDays(-40));
        await rules.PauseAsync(f.CustomerId, [Channel.Email], Ends.AddDays(1), Actor.Customer(f.CustomerId), ChangeSource.Web);

        f.Clock.SetUtcNow(Ends.AddDays(-30));
        Assert.Equal(0, await reminders.RunOnceAsync());
        f.Clock.SetUtcNow(Ends.AddDays(1));
        Assert.Equal(0, await reminders.RunOnceAsync());
        Assert.Empty(await f.OutboxAsync());

        // Marketing by SMS lasts 24 months; its reminder comes by email, so only the email pause counts.
        var smsEnds = LifecycleFixture.Now.AddMonths(24);
        f.Clock.SetUtcNow(smsEnds.AddDays(-40));
        await rules.PauseAsync(f.CustomerId, [Channel.Sms], smsEnds.AddDays(10), Actor.Customer(f.CustomerId), ChangeSource.Web);
        f.Clock.SetUtcNow(smsEnds.AddDays(-30));
        Assert.Equal(1, await reminders.RunOnceAsync());
    }

    [Fact]
    public async Task AfterARenewal_TheNextPeriodGetsItsOwnReminder()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("profiling", Channel.Email, grant: true);
        f.Clock.SetUtcNow(Ends.AddDays(-30));
        await f.Get<RenewalReminders>().RunOnceAsync();
        await f.Get<RenewalService>().RenewAsync(EmailLinks.Token((await f.OutboxAsync()).Single().TextBody, LifecycleMail.RenewPath), English);

        f.Clock.SetUtcNow(Ends.AddDays(-30).AddMonths(12).AddDays(-30));
        Assert.Equal(1, await f.Get<RenewalReminders>().RunOnceAsync());
        Assert.Equal(2, (await f.OutboxAsync()).Count);
    }

    [Fact]
    public async Task WithdrawnOrNeverExpiringConsents_GetNoReminder()
    {
        await using var f = await LifecycleFixture.CreateAsync();
        await f.SetAsync("profiling", Channel.Email, grant: true);
        await f.SetAsync("profiling", Channel.Email, grant: false, expectedVersion: 1);
        f.Clock.SetUtcNow(Ends.AddDays(-10));

        Assert.Equal(0, await f.Get<RenewalReminders>().RunOnceAsync());
        Assert.Empty(await f.OutboxAsync());
    }

    [Fact]
    public async Task TheReminderLead_FollowsLifecycleRenewalReminderDays()
    {
        await using var f = await LifecycleFixture.CreateAsync(new Dictionary<string, string?> { ["Lifecycle:RenewalReminderDays"] = "7" });
        await f.SetAsync("profiling", Channel.Email, grant: true);

        f.Clock.SetUtcNow(Ends.AddDays(-8));
        Assert.Equal(0, await f.Get<RenewalReminders>().RunOnceAsync());
        f.Clock.SetUtcNow(Ends.AddDays(-7));
        Assert.Equal(1, await f.Get<RenewalReminders>().RunOnceAsync());
    }
}
