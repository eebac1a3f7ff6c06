using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Insights;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.Feedback;

namespace PreferenceCenter.Tests.Features.Insights;

public sealed class InsightsServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset ThisWeek = InsightsStore.Now.AddHours(-2);      // Monday 2026-11-23, W48
    private static readonly DateTimeOffset LastWeek = InsightsStore.Now.AddDays(-3);       // Friday, W47
    private static readonly DateTimeOffset ThreeWeeksAgo = InsightsStore.Now.AddDays(-18); // Thursday, W45
    private static readonly DateTimeOffset LongAgo = InsightsStore.Now.AddDays(-200);      // before any 12-week window

    private InsightsStore store = null!;

    public async Task InitializeAsync() => store = await InsightsStore.CreateAsync();

    public async Task DisposeAsync() => await store.DisposeAsync();

    private static InsightRow Row(InsightTable table, string label) => table.Rows.Single(r => (r.Label.Literal ?? "") + r.Label.Channel == label);

    private static double?[] Numbers(InsightRow row) => [.. row.Values.Select(v => v.Number)];

    [Fact]
    public async Task OptInNow_CountsConsentsOnNowOutOfCustomersStillHere_AndHidesSmallCells()
    {
        var customers = await store.AddCustomersAsync(30);
        var erased = await store.AddCustomersAsync(1, CustomerStatus.Erased);
        foreach (var customer in customers.Take(12).Concat(erased))
        {
            await store.GrantAsync(LongAgo, customer, "profiling", Channel.Email);
        }

        foreach (var customer in customers.Skip(12).Take(3))
        {
            await store.GrantAsync(LongAgo, customer, "marketing", Channel.Sms);
        }

        // Granted once, ended since: no longer counts.
        await store.RecordAsync(LongAgo, LedgerEventType.ConsentExpired, customers[20], ChangeSource.System, "profiling", Channel.Email, "granted", "expired");

        var table = (await store.Service().ReadAsync(12, "en")).Table(InsightChart.OptInNow);

        Assert.Equal([12, 18, 40.0], Numbers(Row(table, "ProfilingEmail")));
        Assert.Equal([null, null, null], Numbers(Row(table, "MarketingSms")));
        Assert.Equal([null, null, null], Numbers(Row(table, "MarketingPost")));
        Assert.Equal(["MarketingEmail", "MarketingSms", "MarketingPhone", "MarketingPush", "MarketingPost", "ProfilingEmail"],
            table.Rows.Select(r => r.Label.Literal + r.Label.Channel));
    }

    [Fact]
    public async Task OptInByWeek_RewindsTodaysCountThroughTheLedger_WeekByWeek()
    {
        var customers = await store.AddCustomersAsync(40);
        foreach (var customer in customers.Take(15))
        {
            await store.GrantAsync(ThreeWeeksAgo, customer, "profiling", Channel.Email);
        }

        foreach (var customer in customers.Take(3))
        {
            await store.WithdrawAsync(ThisWeek, customer, "profiling", Channel.Email, ChangeSource.OneClickUnsubscribe);
        }

        var table = (await store.Service().ReadAsync(12, "en")).Table(InsightChart.OptInByWeek);

        var profiling = table.Columns.ToList().FindIndex(c => c.Literal == "Profiling" && c.Channel == Channel.Email);
        Assert.Equal(12, table.Rows.Count);
        Assert.Equal(("2026-W37", "2026-W48"), (table.Rows[0].Label.Literal, table.Rows[^1].Label.Literal));
        // W44 and before: none on yet (0, hidden); W45 to W47: 15 of 40; W48 so far: 12 of 40.
        Assert.Equal([null, 37.5, 37.5, 37.5, 30.0], table.Rows.Skip(7).Select(r => r.Values[profiling].Number));
    }

    [Fact]
    public async Task Withdrawals_CountDistinctCustomersPerWeekAndRoute_InTheWindowOnly()
    {
        var customers = await store.AddCustomersAsync(40);
        await store.WithdrawAsync(LongAgo, customers[0], "marketing", Channel.Sms, ChangeSource.Api);
        foreach (var customer in customers.Take(11))
        {
            await store.WithdrawAsync(LastWeek, customer, "marketing", Channel.Email, ChangeSource.Web);
        }

        foreach (var customer in customers.Skip(11).Take(12))
        {
            // Two channels each, one customer: counted once.
            await store.WithdrawAsync(ThisWeek, customer, "marketing", Channel.Email, ChangeSource.OneClickUnsubscribe);
            await store.WithdrawAsync(ThisWeek, customer, "marketing", Channel.Sms, ChangeSource.OneClickUnsubscribe);
        }

        foreach (var customer in customers.Skip(23).Take(10))
        {
            await store.RecordAsync(ThisWeek, LedgerEventType.ConsentExpired, customer, ChangeSource.System, "profiling", Channel.Email, "granted", "expired");
        }

        await store.WithdrawAsync(ThisWeek, customers[39], "marketing", Channel.Phone, ChangeSource.Api);

        var table = (await store.Service().ReadAsync(12, "en")).Table(InsightChart.Withdrawals);

        // Page, unsubscribe page, one-click, support, API, GPC, import, expiry, other.
        Assert.Equal([null, null, 12, null, null, null, null, 10, null], Numbers(table.Rows[^1]));
        Assert.Equal([11, null, null, null, null, null, null, null, null], Numbers(table.Rows[^2]));
        Assert.All(table.Rows.Take(10), r => Assert.All(r.Values, v => Assert.True(v.Hidden)));
    }

    [Fact]
    public async Task DoubleOptInAndRenewals_CountCustomersAskedConfirmedLapsedRemindedAndRenewed()
    {
        var customers = await store.AddCustomersAsync(30);
        foreach (var customer in customers.Take(20))
        {
            await store.RecordAsync(LastWeek, LedgerEventType.ConsentPendingConfirmation, customer, ChangeSource.Web, "marketing", Channel.Email, "not-given", "pending");
        }

        foreach (var customer in customers.Take(20))
        {
            await store.RecordAsync(ThisWeek, LedgerEventType.RenewalReminderSent, customer, ChangeSource.System, "marketing", Channel.Sms);
        }

        foreach (var customer in customers.Take(10))
        {
            await store.RecordAsync(ThisWeek, LedgerEventType.ConsentConfirmed, customer, ChangeSource.ConfirmationLink, "marketing", Channel.Email, "pending", "granted");
            await store.RecordAsync(ThisWeek, LedgerEventType.ConsentRenewed, customer, ChangeSource.RenewalLink, "marketing", Channel.Sms, "granted", "granted");
        }

        foreach (var customer in customers.Skip(10).Take(10))
        {
            await store.RecordAsync(ThisWeek, LedgerEventType.ConsentConfirmationLapsed, customer, ChangeSource.System, "marketing", Channel.Email, "pending", "withdrawn");
        }

        var report = await store.Service().ReadAsync(12, "en");

        var doubleOptIn = report.Table(InsightChart.DoubleOptIn);
        Assert.Equal([20, null, null], Numbers(doubleOptIn.Rows[^2]));
        // Nobody asked this week (0, hidden), so one more cell is hidden beside it: the first of the two smallest.
        Assert.Equal([null, null, 10], Numbers(doubleOptIn.Rows[^1]));
        var renewals = report.Table(InsightChart.Renewals);
        Assert.Equal([null, null], Numbers(renewals.Rows[^2]));
        Assert.Equal([20, 10], Numbers(renewals.Rows[^1]));
    }

    [Fact]
    public async Task Feedback_CountsCustomersByKindAndNamedChannel_AndListsCommentsOnlyFromTheMinimumOn()
    {
        var customers = await store.AddCustomersAsync(25);
        var feedback = store.Feedback;
        foreach (var customer in customers.Take(10))
        {
            await feedback.SendAsync(customer, new FeedbackDraft(true, false, Channel.Email, $"Comment {customer:N}"), Actor.Customer(customer), ChangeSource.Web);
        }

        foreach (var customer in customers.Skip(10).Take(12))
        {
            await feedback.SendAsync(customer, new FeedbackDraft(true, true, null, null), Actor.Customer(customer), ChangeSource.Web);
        }

        var report = await store.Service().ReadAsync(12, "en");

        var table = report.Table(InsightChart.Feedback);
        Assert.Equal(12, table.Columns.Count);
        // Too often: email, SMS, phone, push, post, none; then not relevant in the same order.
        Assert.Equal([10, null, null, null, null, 12, null, null, null, null, null, 12], Numbers(table.Rows[^1]));
        Assert.Equal(customers.Take(10).Select(c => $"Comment {c:N}").Order(StringComparer.Ordinal), report.Comments);
        Assert.Null((await store.Service(minimum: 11).ReadAsync(12, "en")).Comments);
    }

    [Fact]
    public async Task Read_ForAnUnofferedWeekCount_ReadsTheDefaultTwelve() =>
        Assert.Equal(12, (await store.Service().ReadAsync(7, "en")).Weeks.Count);
}
