namespace PreferenceCenter.Features.Common;

/// <summary>
/// The one rule that keeps the officer's charts anonymous: which counts may be shown. Every table is made of groups,
/// cells that split one whole (a week's withdrawals by where they came from; one purpose's customers into opted in and
/// not). Within a group:
/// <list type="number">
/// <item>a count under the minimum is hidden, <b>zero included</b>: a zero that becomes "fewer than 10" after one
/// customer's change would say what that customer did;</item>
/// <item>if that hides exactly one cell, the smallest shown cell is hidden too, so the whole minus the cells shown
/// never gives back a hidden count (the whole may be known from elsewhere: the number of customers is the same in
/// every row of the opt-in table);</item>
/// <item>the group's total is shown only when none of its cells is hidden;</item>
/// <item>a share (a rate) is shown only when both its part and the rest are shown.</item>
/// </list>
/// Counts are of distinct customers, so a cell at the minimum holds at least that many people.
/// </summary>
public sealed class SmallCells
{
    public SmallCells(int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        Minimum = minimum;
    }

    public int Minimum { get; }

    /// <summary>The group's counts as they may be shown: null where hidden.</summary>
    public IReadOnlyList<int?> Group(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var shown = counts.Select(c => c >= Minimum ? (int?)c : null).ToArray();
        if (shown.Count(c => c is null) == 1 && shown.Length > 1)
        {
            // Complementary suppression: the smallest shown count (the first of equals, so the choice is stable).
            var smallest = Enumerable.Range(0, shown.Length).Where(i => shown[i] is not null).MinBy(i => shown[i]!.Value);
            shown[smallest] = null;
        }

        return shown;
    }

    /// <summary>The group's total, only when every cell of the group is shown.</summary>
    public int? Total(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Group(counts).All(c => c is not null) ? counts.Sum() : null;
    }

    /// <summary><paramref name="part"/> of <paramref name="whole"/> in per cent, only when the part and the rest are both shown.</summary>
    public double? Share(int part, int whole) =>
        Group([part, whole - part]).All(c => c is not null) ? Math.Round(100.0 * part / whole, 1) : null;

    /// <summary>Whether a period holds enough of something (comments) to show them at all.</summary>
    public bool Enough(int count) => count >= Minimum;
}
