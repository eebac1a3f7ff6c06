using System.Globalization;

namespace PreferenceCenter.Features.Insights;

/// <summary>
/// The ISO weeks (Monday 00:00 UTC to the next Monday) a chart covers: the last <see cref="Count"/> weeks, the current
/// one included as far as it has gone. UTC so every officer, wherever they read, sees the same rows.
/// </summary>
public sealed class InsightWeeks
{
    public static readonly IReadOnlyList<int> Choices = [12, 26, 52];
    public const int DefaultCount = 12;

    private InsightWeeks(IReadOnlyList<DateTimeOffset> starts, DateTimeOffset now)
    {
        Starts = starts;
        Now = now;
    }

    /// <summary>Each week's Monday 00:00 UTC, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> Starts { get; }

    /// <summary>The end of the last (current) week: the moment the figures were read.</summary>
    public DateTimeOffset Now { get; }

    public int Count => Starts.Count;
    public DateTimeOffset From => Starts[0];

    public static InsightWeeks Ending(DateTimeOffset now, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var today = now.UtcDateTime.Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var starts = Enumerable.Range(0, count).Select(i => new DateTimeOffset(monday.AddDays(-7 * (count - 1 - i)), TimeSpan.Zero)).ToList();
        return new InsightWeeks(starts, now);
    }

    /// <summary>The number of weeks an address asks for (<c>?weeks=26</c>); anything else is <see cref="DefaultCount"/>.</summary>
    public static int FromQuery(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && Choices.Contains(weeks) ? weeks : DefaultCount;

    /// <summary>When week <paramref name="index"/> ends: the next Monday, or now for the current week.</summary>
    public DateTimeOffset EndOf(int index) => index + 1 < Count ? Starts[index + 1] : Now;

    /// <summary>"2026-W48": ISO 8601, the same in every language.</summary>
    public string Label(int index)
    {
        var day = Starts[index].UtcDateTime;
        return FormattableString.Invariant($"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }
}
