using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.Feedback;

namespace PreferenceCenter.Features.Insights;

/// <summary>
/// Reads the officer's charts: counts only, computed by the database from the ledger and the current consents, then
/// passed through <see cref="SmallCells"/> before anything leaves this class. Read-only: it writes nothing, not even a
/// ledger entry, because it reads no one's data.
/// </summary>
public sealed class InsightsService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<InsightsOptions> options, FeedbackService feedback)
{
    public async Task<InsightsReport> ReadAsync(int weekCount, string language, CancellationToken cancellationToken = default)
    {
        var weeks = InsightWeeks.Ending(time.GetUtcNow(), InsightWeeks.Choices.Contains(weekCount) ? weekCount : InsightWeeks.DefaultCount);
        var rule = new SmallCells(options.Value.MinimumCellSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var first = await LedgerWindow.FirstSequenceAsync(db, weeks.From, cancellationToken);
        var window = db.LedgerEntries.AsNoTracking().Where(e => e.Sequence >= first && e.OccurredAt >= weeks.From && e.OccurredAt <= weeks.Now);

        var cells = await ConsentRates.CellsAsync(db, language, cancellationToken);
        var on = await ConsentRates.OnNowAsync(db, weeks.Now, cancellationToken);
        var customers = await db.Customers.CountAsync(c => c.Status == CustomerStatus.Active, cancellationToken);
        InsightTable[] tables =
        [
            ConsentRates.Now(cells, on, customers, rule),
            await ConsentRates.ByWeekAsync(db, window, weeks, cells, on, rule, cancellationToken),
            await LedgerEventTables.WithdrawalsAsync(window, weeks, rule, cancellationToken),
            await LedgerEventTables.DoubleOptInAsync(window, weeks, rule, cancellationToken),
            await LedgerEventTables.RenewalsAsync(window, weeks, rule, cancellationToken),
            await LedgerEventTables.FeedbackAsync(window, weeks, rule, cancellationToken),
        ];
        return new InsightsReport(weeks, rule.Minimum, tables, await CommentsAsync(weeks, rule, cancellationToken));
    }

    /// <summary>
    /// The words alone, and only when the period holds at least the minimum of them: sorted alphabetically, so even
    /// their order says nothing about when they came.
    /// </summary>
    private async Task<IReadOnlyList<string>?> CommentsAsync(InsightWeeks weeks, SmallCells rule, CancellationToken cancellationToken)
    {
        var summary = await feedback.SummarizeAsync(weeks.Now - weeks.From, cancellationToken);
        return rule.Enough(summary.WithComment) ? [.. summary.RecentComments.Order(StringComparer.Ordinal)] : null;
    }
}
