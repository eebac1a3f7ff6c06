using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Insights;

/// <summary>The weekly charts read from the ledger's event types: withdrawals, double opt-in, renewals, feedback.</summary>
public static class LedgerEventTables
{
    public static async Task<InsightTable> WithdrawalsAsync(IQueryable<LedgerEntry> window, InsightWeeks weeks, SmallCells cells, CancellationToken cancellationToken)
    {
        var entries = window.Where(e => e.EventType == LedgerEventType.ConsentWithdrawn || e.EventType == LedgerEventType.ConsentExpired);
        var counts = await WeeklyCustomers.CountAsync(entries, weeks, e =>
            e.EventType == LedgerEventType.ConsentExpired ? (int)WithdrawalRoute.Expiry
            : e.Source == ChangeSource.Web ? (int)WithdrawalRoute.PreferencesPage
            : e.Source == ChangeSource.UnsubscribePage ? (int)WithdrawalRoute.UnsubscribePage
            : e.Source == ChangeSource.OneClickUnsubscribe ? (int)WithdrawalRoute.OneClick
            : e.Source == ChangeSource.Support ? (int)WithdrawalRoute.Support
            : e.Source == ChangeSource.Api ? (int)WithdrawalRoute.Api
            : e.Source == ChangeSource.GlobalPrivacyControl ? (int)WithdrawalRoute.GlobalPrivacyControl
            : e.Source == ChangeSource.Import ? (int)WithdrawalRoute.Import
            : (int)WithdrawalRoute.Other,
            Enum.GetValues<WithdrawalRoute>().Length, cancellationToken);
        var columns = Enum.GetValues<WithdrawalRoute>().Select(r => InsightLabel.Text($"Insights.Route.{r}")).ToList();
        return WeeklyTable.Build(InsightChart.Withdrawals, weeks, counts, columns, cells);
    }

    public static async Task<InsightTable> DoubleOptInAsync(IQueryable<LedgerEntry> window, InsightWeeks weeks, SmallCells cells, CancellationToken cancellationToken)
    {
        var entries = window.Where(e => e.EventType == LedgerEventType.ConsentPendingConfirmation
            || e.EventType == LedgerEventType.ConsentConfirmed || e.EventType == LedgerEventType.ConsentConfirmationLapsed);
        var counts = await WeeklyCustomers.CountAsync(entries, weeks, e =>
            e.EventType == LedgerEventType.ConsentPendingConfirmation ? 0 : e.EventType == LedgerEventType.ConsentConfirmed ? 1 : 2,
            3, cancellationToken);
        return WeeklyTable.Build(InsightChart.DoubleOptIn, weeks, counts,
            [InsightLabel.Text("Insights.DoubleOptIn.Asked"), InsightLabel.Text("Insights.DoubleOptIn.Confirmed"), InsightLabel.Text("Insights.DoubleOptIn.Lapsed")], cells);
    }

    public static async Task<InsightTable> RenewalsAsync(IQueryable<LedgerEntry> window, InsightWeeks weeks, SmallCells cells, CancellationToken cancellationToken)
    {
        var entries = window.Where(e => e.EventType == LedgerEventType.RenewalReminderSent || e.EventType == LedgerEventType.ConsentRenewed);
        var counts = await WeeklyCustomers.CountAsync(entries, weeks, e => e.EventType == LedgerEventType.RenewalReminderSent ? 0 : 1, 2, cancellationToken);
        return WeeklyTable.Build(InsightChart.Renewals, weeks, counts,
            [InsightLabel.Text("Insights.Renewals.Reminded"), InsightLabel.Text("Insights.Renewals.Renewed")], cells);
    }

    /// <summary>
    /// Feedback by kind and the channel it names (or none), one column each: one table, so no second table of the
    /// same feedback could be subtracted from it. The ledger's entry names the kinds, never the words.
    /// </summary>
    public static async Task<InsightTable> FeedbackAsync(IQueryable<LedgerEntry> window, InsightWeeks weeks, SmallCells cells, CancellationToken cancellationToken)
    {
        var given = window.Where(e => e.EventType == LedgerEventType.FeedbackGiven);
        // As FeedbackService writes them into the entry's After, and the texts' names.
        (string Stored, string Text)[] kinds = [("too-often", "TooOften"), ("not-relevant", "NotRelevant")];
        Channel?[] channels = [.. Enum.GetValues<Channel>().Cast<Channel?>(), null];
        var counts = new int[weeks.Count, kinds.Length * channels.Length];
        for (var k = 0; k < kinds.Length; k++)
        {
            var kind = kinds[k].Stored;
            var byChannel = await WeeklyCustomers.CountAsync(
                given.Where(e => e.After != null && e.After.Contains(kind)), weeks, e => e.Channel == null ? 0 : (int)e.Channel, channels.Length, cancellationToken);
            for (var w = 0; w < weeks.Count; w++)
            {
                for (var c = 0; c < channels.Length; c++)
                {
                    counts[w, (k * channels.Length) + c] = byChannel[w, channels[c] is { } channel ? (int)channel : 0];
                }
            }
        }

        var columns = kinds.SelectMany(kind => channels.Select(channel => channel is null
            ? new InsightLabel(Key: $"Insights.Feedback.{kind.Text}.Unnamed")
            : new InsightLabel(Key: $"Insights.Feedback.{kind.Text}", Channel: channel))).ToList();
        return WeeklyTable.Build(InsightChart.Feedback, weeks, counts, columns, cells);
    }
}
