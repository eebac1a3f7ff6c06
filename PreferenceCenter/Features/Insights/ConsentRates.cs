using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Insights;

/// <summary>
/// The opt-in rate per purpose and channel: customers whose consent is on ÷ customers, among customers who are still
/// here (erased customers leave these charts entirely, their past included). Now, from the current state; at the end
/// of each earlier week, from now backwards: the week's count is today's minus the consents switched on since, plus
/// those switched off since, both counted by the database from the entries' before and after.
/// </summary>
public static class ConsentRates
{
    /// <summary>The consent events that say in Before and After whether the consent was on (<see cref="ConsentRules.On"/>).</summary>
    public static readonly IReadOnlyList<LedgerEventType> Moves =
    [
        LedgerEventType.ConsentGranted, LedgerEventType.ConsentWithdrawn, LedgerEventType.ConsentPendingConfirmation,
        LedgerEventType.ConsentConfirmed, LedgerEventType.ConsentExpired, LedgerEventType.ConsentRenewed,
        LedgerEventType.ConsentConfirmationLapsed,
    ];

    public sealed record Cell(int PurposeId, string PurposeKey, string Title, Channel Channel);

    /// <summary>Every consent-based purpose on each channel it is offered on, in the notice's order.</summary>
    public static async Task<IReadOnlyList<Cell>> CellsAsync(AppDbContext db, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var titles = await PurposeTitles.LoadAsync(db, language, cancellationToken);
        var purposes = await db.Purposes.AsNoTracking().Where(p => p.LegalBasis == LegalBasis.Consent).OrderBy(p => p.SortOrder).ToListAsync(cancellationToken);
        return [.. from p in purposes
                   from channel in Enum.GetValues<Channel>()
                   where p.IsOfferedOn(channel)
                   select new Cell(p.Id, p.Key, titles.GetValueOrDefault(p.Key, p.Key), channel)];
    }

    public static InsightTable Now(IReadOnlyList<Cell> cells, IReadOnlyDictionary<(int, Channel), int> on, int customers, SmallCells rule)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(on);
        ArgumentNullException.ThrowIfNull(rule);
        var rows = cells.Select(cell =>
        {
            var yes = on.GetValueOrDefault((cell.PurposeId, cell.Channel));
            var shown = rule.Group([yes, customers - yes]);
            return new InsightRow(new InsightLabel(cell.Title, Channel: cell.Channel),
                [InsightValue.Count(shown[0]), InsightValue.Count(shown[1]), InsightValue.Share(rule.Share(yes, customers))]);
        }).ToList();
        InsightLabel[] columns = [InsightLabel.Text("Insights.OptIn.On"), InsightLabel.Text("Insights.OptIn.NotOn"), InsightLabel.Text("Insights.OptIn.Rate")];
        return new InsightTable(InsightChart.OptInNow, InsightLabel.Text("Insights.Column.PurposeAndChannel"), columns, rows, [2]);
    }

    /// <summary>Consents on now, per (purpose id, channel), of customers who are still here.</summary>
    public static async Task<Dictionary<(int, Channel), int>> OnNowAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Consents.AsNoTracking()
            .Where(c => c.State == ConsentState.Granted && (c.ExpiresAt == null || c.ExpiresAt > now))
            .Where(c => db.Customers.Any(u => u.Id == c.CustomerId && u.Status == CustomerStatus.Active))
            .GroupBy(c => new { c.PurposeId, c.Channel })
            .Select(g => new { g.Key.PurposeId, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.PurposeId, r.Channel), r => r.Count);
    }

    public static async Task<InsightTable> ByWeekAsync(
        AppDbContext db, IQueryable<LedgerEntry> window, InsightWeeks weeks, IReadOnlyList<Cell> cells,
        IReadOnlyDictionary<(int, Channel), int> on, SmallCells rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(weeks);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(on);
        ArgumentNullException.ThrowIfNull(rule);
        var customersAt = await CustomersAtEndOfEachWeekAsync(db, weeks, cancellationToken);
        var moves = await WeekBucket.Tag(window.Where(e => Moves.Contains(e.EventType) && e.PurposeKey != null && e.Channel != null
                && ((e.After == ConsentRules.On && e.Before != ConsentRules.On) || (e.Before == ConsentRules.On && e.After != ConsentRules.On))
                && db.Customers.Any(c => c.Id == e.SubjectId && c.Status == CustomerStatus.Active)), e => e.OccurredAt, weeks)
            .GroupBy(w => new { w.Week, w.Item.PurposeKey, w.Item.Channel, SwitchedOn = w.Item.After == ConsentRules.On })
            .Select(g => new { g.Key.Week, g.Key.PurposeKey, g.Key.Channel, g.Key.SwitchedOn, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var columns = cells.Select(c => new InsightLabel(c.Title, Channel: c.Channel)).ToList();
        var rows = new List<InsightRow>();
        for (var w = 0; w < weeks.Count; w++)
        {
            var values = cells.Select(cell =>
            {
                // Switched on after week w ended: not yet on then; switched off after: still on then.
                var since = moves.Where(m => m.Week > w && m.PurposeKey == cell.PurposeKey && m.Channel == cell.Channel)
                    .Sum(m => m.SwitchedOn ? m.Count : -m.Count);
                var onThen = Math.Clamp(on.GetValueOrDefault((cell.PurposeId, cell.Channel)) - since, 0, customersAt[w]);
                return InsightValue.Share(rule.Share(onThen, customersAt[w]));
            }).ToList();
            rows.Add(new InsightRow(new InsightLabel(weeks.Label(w)), values));
        }

        return new InsightTable(InsightChart.OptInByWeek, WeeklyTable.WeekHeading, columns, rows, [.. Enumerable.Range(0, columns.Count)]);
    }

    /// <summary>Customers still here who had signed up by the end of each week, counted per week of sign-up by the database.</summary>
    private static async Task<int[]> CustomersAtEndOfEachWeekAsync(AppDbContext db, InsightWeeks weeks, CancellationToken cancellationToken)
    {
        var joined = await WeekBucket.Tag(db.Customers.AsNoTracking().Where(c => c.Status == CustomerStatus.Active && c.CreatedAt <= weeks.Now), c => c.CreatedAt, weeks)
            .GroupBy(w => w.Week).Select(g => new { Week = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = joined.Where(j => j.Week == WeekBucket.Before).Sum(j => j.Count);
        var result = new int[weeks.Count];
        for (var w = 0; w < weeks.Count; w++)
        {
            total += joined.Where(j => j.Week == w).Sum(j => j.Count);
            result[w] = total;
        }

        return result;
    }
}
