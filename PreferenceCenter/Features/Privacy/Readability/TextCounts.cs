namespace PreferenceCenter.Features.Privacy.Readability;

/// <summary>What the readability formulas are computed from: words, sentences, syllables and letters of one text.</summary>
public sealed record TextCounts(int Words, int Sentences, int Syllables, int Letters)
{
    public static readonly TextCounts Empty = new(0, 0, 0, 0);

    /// <summary>
    /// A word is a run of non-space characters holding a letter or digit. A sentence ends at '.', '!', '?' or '…'
    /// followed by a space or the end, so "6.1" and "example.com" do not end one; text with no such mark is one sentence.
    /// Letters (for Gulpease) are the word's letters and digits.
    /// </summary>
    public static TextCounts Of(string? text, Func<string, int> syllables)
    {
        ArgumentNullException.ThrowIfNull(syllables);
        var words = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetterOrDigit)).ToList();
        if (words.Count == 0)
        {
            return Empty;
        }

        var sentences = words.Count(EndsSentence);
        if (!EndsSentence(words[^1]))
        {
            sentences++; // the last sentence, left without its full stop
        }

        return new TextCounts(
            words.Count,
            sentences,
            words.Sum(w => syllables(Bare(w))),
            words.Sum(w => w.Count(char.IsLetterOrDigit)));
    }

    // A closing quote or bracket may follow the full stop: «…fine.» still ends there.
    private static bool EndsSentence(string word) =>
        word.TrimEnd('"', '\'', ')', '»', '”', '’') is { Length: > 0 } bare && bare[^1] is '.' or '!' or '?' or '…';

    private static string Bare(string word) => string.Concat(word.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
