using System.Linq.Expressions;

namespace PreferenceCenter.Features.Insights;

/// <summary>
/// Which week a row falls in, as an expression the database evaluates: <c>CASE WHEN t &lt; week1 THEN 0 WHEN t &lt;
/// week2 THEN 1 … END</c>, and -1 before the first week. Times are stored as UTC milliseconds, which LINQ cannot do
/// arithmetic on, but it can compare them; so a GROUP BY over this counts per week without loading a single row.
/// </summary>
public static class WeekBucket
{
    public const int Before = -1;

    public static Expression<Func<T, int>> Of<T>(Expression<Func<T, DateTimeOffset>> time, InsightWeeks weeks)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(weeks);
        Expression body = Expression.Constant(weeks.Count - 1);
        for (var i = weeks.Count - 1; i >= 0; i--)
        {
            // Each boundary is read from a holder, so EF sends it as a parameter and caches one plan per window length.
            var boundary = Expression.Property(Expression.Constant(new Boundary(weeks.Starts[i])), nameof(Boundary.At));
            body = Expression.Condition(Expression.LessThan(time.Body, boundary), Expression.Constant(i - 1), body);
        }

        return Expression.Lambda<Func<T, int>>(body, time.Parameters);
    }

    /// <summary>Each row with its week, for the database to group by: <c>source.Select(x =&gt; new Weekly { Week = CASE …, Item = x })</c>.</summary>
    public static IQueryable<Weekly<T>> Tag<T>(IQueryable<T> source, Expression<Func<T, DateTimeOffset>> time, InsightWeeks weeks)
    {
        ArgumentNullException.ThrowIfNull(source);
        var week = Of(time, weeks);
        var item = week.Parameters[0];
        var tagged = Expression.MemberInit(
            Expression.New(typeof(Weekly<T>)),
            Expression.Bind(typeof(Weekly<T>).GetProperty(nameof(Weekly<T>.Week))!, week.Body),
            Expression.Bind(typeof(Weekly<T>).GetProperty(nameof(Weekly<T>.Item))!, item));
        return source.Select(Expression.Lambda<Func<T, Weekly<T>>>(tagged, item));
    }

    private sealed record Boundary(DateTimeOffset At);
}
