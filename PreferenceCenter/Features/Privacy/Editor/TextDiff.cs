using System.Text.RegularExpressions;

namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>Word by word, what changed between the published text and the draft (a longest common subsequence).</summary>
public static partial class TextDiff
{
    // A 600-word legal text against its draft is 360,000 cells; past this, the whole text is shown as replaced.
    private const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Between(string? published, string? draft)
    {
        var before = Tokens(published ?? string.Empty);
        var after = Tokens(draft ?? string.Empty);
        if ((long)before.Length * after.Length > MaxCells)
        {
            return Merge([new(DiffKind.Removed, published ?? string.Empty), new(DiffKind.Added, draft ?? string.Empty)]);
        }

        // lengths[i, j]: the longest common run of before[i..] and after[j..].
        var lengths = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var segments = new List<DiffSegment>();
        int b = 0, a = 0;
        while (b < before.Length || a < after.Length)
        {
            if (b < before.Length && a < after.Length && before[b] == after[a])
            {
                segments.Add(new(DiffKind.Same, before[b++]));
                a++;
            }
            else if (b < before.Length && (a == after.Length || lengths[b + 1, a] >= lengths[b, a + 1]))
            {
                segments.Add(new(DiffKind.Removed, before[b++])); // removed before added: reads as "instead of … now …"
            }
            else
            {
                segments.Add(new(DiffKind.Added, after[a++]));
            }
        }

        return Merge(segments);
    }

    /// <summary>Words with the spaces after them, so that joining the segments gives the texts back.</summary>
    private static string[] Tokens(string text) => WordAndSpace().Matches(text).Select(m => m.Value).ToArray();

    private static List<DiffSegment> Merge(IEnumerable<DiffSegment> segments)
    {
        var merged = new List<DiffSegment>();
        foreach (var segment in segments.Where(s => s.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Kind == segment.Kind)
            {
                merged[^1] = segment with { Text = merged[^1].Text + segment.Text };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }

    [GeneratedRegex(@"\s*\S+\s*|\s+")]
    private static partial Regex WordAndSpace();
}
