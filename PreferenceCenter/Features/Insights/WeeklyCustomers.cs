using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Insights;

/// <summary>
/// Distinct customers per week and category among ledger entries, counted by the database in one GROUP BY: only the
/// counts come back, never an entry. Customers, not entries: one person withdrawing five channels is one, so a count
/// at the minimum is that many people.
/// </summary>
public static class WeeklyCustomers
{
    /// <returns>counts[week, category]; categories outside 0..<paramref name="categories"/>-1 are dropped.</returns>
    public static async Task<int[,]> CountAsync(
        IQueryable<LedgerEntry> entries, InsightWeeks weeks, Expression<Func<LedgerEntry, int>> category, int categories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var rows = await WeekBucket.Tag(entries, e => e.OccurredAt, weeks)
            .Select(Categorised(category))
            .GroupBy(x => new { x.Week, x.Category })
            .Select(g => new { g.Key.Week, g.Key.Category, Customers = g.Select(x => x.Subject).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var counts = new int[weeks.Count, categories];
        foreach (var row in rows.Where(r => r.Week >= 0 && r.Category >= 0 && r.Category < categories))
        {
            counts[row.Week, row.Category] = row.Customers;
        }

        return counts;
    }

    // w => new Categorised { Week = w.Week, Category = category(w.Item), Subject = w.Item.SubjectId }
    private static Expression<Func<Weekly<LedgerEntry>, CategorisedEntry>> Categorised(Expression<Func<LedgerEntry, int>> category)
    {
        var weekly = Expression.Parameter(typeof(Weekly<LedgerEntry>), "w");
        var item = Expression.Property(weekly, nameof(Weekly<LedgerEntry>.Item));
        var body = new ParameterSwap(category.Parameters[0], item).Visit(category.Body);
        return Expression.Lambda<Func<Weekly<LedgerEntry>, CategorisedEntry>>(
            Expression.MemberInit(
                Expression.New(typeof(CategorisedEntry)),
                Expression.Bind(typeof(CategorisedEntry).GetProperty(nameof(CategorisedEntry.Week))!, Expression.Property(weekly, nameof(Weekly<LedgerEntry>.Week))),
                Expression.Bind(typeof(CategorisedEntry).GetProperty(nameof(CategorisedEntry.Category))!, body),
                Expression.Bind(typeof(CategorisedEntry).GetProperty(nameof(CategorisedEntry.Subject))!, Expression.Property(item, nameof(LedgerEntry.SubjectId)))),
            weekly);
    }

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
