using PreferenceCenter.Features.Insights;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.Features.Insights;

public sealed class SmallCellsTests
{
    private readonly SmallCells rule = new(10);

    [Fact]
    public void Group_WhenEveryCountReachesTheMinimum_ShowsThemAll() =>
        Assert.Equal([10, 25, 40], rule.Group([10, 25, 40]));

    [Fact]
    public void Group_HidesCountsUnderTheMinimum_ZeroIncluded() =>
        Assert.Equal([null, 30, null, null], rule.Group([0, 30, 9, 1]));

    [Fact]
    public void Group_WhenOnlyOneCountIsSmall_HidesTheSmallestShownCountToo_FirstOfEquals()
    {
        Assert.Equal([40, null, 12, null], rule.Group([40, 3, 12, 11]));
        Assert.Equal([null, null, 11], rule.Group([11, 3, 11]));
    }

    [Fact]
    public void Group_OfOneCell_HidesOnlyThatCell() => Assert.Equal([null], rule.Group([4]));

    [Fact]
    public void Total_IsShownOnlyWhenNoCellIsHidden()
    {
        Assert.Equal(60, rule.Total([20, 40]));
        Assert.Null(rule.Total([55, 5]));
    }

    [Theory]
    [InlineData(12, 30, 40.0)]
    [InlineData(9, 30, null)]   // the part is small
    [InlineData(25, 30, null)]  // the rest is small: 5 customers have not opted in
    [InlineData(0, 0, null)]
    public void Share_IsShownOnlyWhenThePartAndTheRestAreBothShown(int part, int whole, double? expected) =>
        Assert.Equal(expected, rule.Share(part, whole));

    [Fact]
    public void Enough_MeansAtLeastTheMinimum()
    {
        Assert.False(rule.Enough(9));
        Assert.True(rule.Enough(10));
    }

    /// <summary>
    /// The attack the rule is for. One customer withdraws through a rare route. The attacker reads the row before and
    /// after, knows the row's true total both times (it can be known elsewhere, e.g. how many opted-in customers
    /// fewer there are), knows the rule, and knows exactly one customer changed. They list every pair of true rows that
    /// shows what they saw, and ask which cell the customer went into. More than one answer: they cannot tell.
    /// </summary>
    [Theory]
    [InlineData(new[] { 25, 12, 0 }, 2)]      // the only one ever to use that route
    [InlineData(new[] { 25, 12, 4 }, 2)]      // one of a few
    [InlineData(new[] { 25, 0, 0, 30 }, 1)]
    [InlineData(new[] { 40, 11, 10, 0 }, 3)]
    public void Reidentify_ByTotalsMinusShownCellsBeforeAndAfterOneCustomersChange_Fails(int[] before, int cellTheCustomerJoins)
    {
        var after = (int[])before.Clone();
        after[cellTheCustomerJoins]++;
        var seenBefore = rule.Group(before);
        var seenAfter = rule.Group(after);

        var possibleCells = CellsConsistentWith(seenBefore, before.Sum(), seenAfter);

        Assert.Contains(cellTheCustomerJoins, possibleCells);
        Assert.True(possibleCells.Count > 1, $"The attacker pins the customer to cell {cellTheCustomerJoins}.");
    }

    /// <summary>The same attack on the rule without its two safeguards succeeds: the test above can fail.</summary>
    [Fact]
    public void Reidentify_Succeeds_WhenZerosWereShownAndNoComplementaryCellHidden()
    {
        int?[] Naive(IReadOnlyList<int> counts) => [.. counts.Select(c => c == 0 || c >= 10 ? (int?)c : null)];
        int[] before = [25, 12, 0];
        int[] after = [25, 12, 1];

        var possible = CellsConsistentWith(Naive(before), before.Sum(), Naive(after), Naive);

        Assert.Equal([2], possible);
    }

    private List<int> CellsConsistentWith(IReadOnlyList<int?> seenBefore, int totalBefore, IReadOnlyList<int?> seenAfter, Func<IReadOnlyList<int>, IReadOnlyList<int?>>? shown = null)
    {
        shown ??= rule.Group;
        var hidden = Enumerable.Range(0, seenBefore.Count).Where(i => seenBefore[i] is null).ToList();
        var rest = totalBefore - seenBefore.Sum(c => c ?? 0);
        var cells = new HashSet<int>();
        foreach (var candidate in Splits(rest, hidden.Count))
        {
            var row = seenBefore.Select(c => c ?? 0).ToArray();
            for (var h = 0; h < hidden.Count; h++)
            {
                row[hidden[h]] = candidate[h];
            }

            if (!shown(row).SequenceEqual(seenBefore))
            {
                continue;
            }

            for (var cell = 0; cell < row.Length; cell++)
            {
                var next = (int[])row.Clone();
                next[cell]++;
                if (shown(next).SequenceEqual(seenAfter))
                {
                    cells.Add(cell);
                }
            }
        }

        return [.. cells.Order()];
    }

    private static IEnumerable<int[]> Splits(int total, int parts)
    {
        if (parts == 0)
        {
            if (total == 0)
            {
                yield return [];
            }

            yield break;
        }

        for (var first = 0; first <= total; first++)
        {
            foreach (var rest in Splits(total - first, parts - 1))
            {
                yield return [first, .. rest];
            }
        }
    }
}
