namespace PreferenceCenter.Features.Privacy.Readability;

/// <summary>
/// English syllables by the usual heuristic: each group of vowels (a e i o u y) is one, a silent final "e" is not
/// ("share" 1, but "table" 2), and every word has at least one. Off by one on some words; a readability score
/// averages over many words, which is what Flesch was calibrated on.
/// </summary>
public static class EnglishSyllables
{
    /// <param name="word">Lower-case letters and digits only.</param>
    public static int Count(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var groups = 0;
        var inVowels = false;
        foreach (var c in word)
        {
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !inVowels)
            {
                groups++;
            }

            inVowels = vowel;
        }

        if (groups > 1 && word.EndsWith('e') && !word.EndsWith("le", StringComparison.Ordinal) && !IsVowel(word[^2]))
        {
            groups--;
        }

        return Math.Max(1, groups);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
