namespace PreferenceCenter.Features.Privacy.Readability;

/// <summary>
/// Spanish and Italian syllables by vowel groups: adjacent vowels share a syllable (a diphthong, "tie-ne", "puoi")
/// unless both are strong (a, e, o: a hiatus, "pa-e-se", "le-er"). Spanish also splits at an accented weak vowel
/// ("dí-a", "pa-ís"); Italian does not, because its written accent sits on the last vowel of words like "più" and "può".
/// A silent "u" in "que", "qui", "gue" and an "i" that only softens ("già", "ciao") join the next vowel as a diphthong would.
/// </summary>
public static class RomanceSyllables
{
    /// <param name="word">Lower-case letters and digits only.</param>
    public static int Spanish(string word) => Count(word, accentedWeakSplits: true);

    /// <param name="word">Lower-case letters and digits only.</param>
    public static int Italian(string word) => Count(word, accentedWeakSplits: false);

    private static int Count(string word, bool accentedWeakSplits)
    {
        ArgumentNullException.ThrowIfNull(word);
        var syllables = 0;
        var previous = VowelKind.None;
        foreach (var c in word)
        {
            var kind = KindOf(c);
            var joins = previous != VowelKind.None && kind != VowelKind.None
                && !(previous == VowelKind.Strong && kind == VowelKind.Strong)
                && !(accentedWeakSplits && (previous == VowelKind.AccentedWeak || kind == VowelKind.AccentedWeak));
            if (kind != VowelKind.None && !joins)
            {
                syllables++;
            }

            previous = kind;
        }

        return Math.Max(1, syllables);
    }

    private static VowelKind KindOf(char c) => c switch
    {
        'a' or 'e' or 'o' or 'á' or 'é' or 'ó' or 'à' or 'è' or 'ò' => VowelKind.Strong,
        'i' or 'u' or 'ü' => VowelKind.Weak,
        'í' or 'ú' or 'ì' or 'ù' => VowelKind.AccentedWeak,
        _ => VowelKind.None,
    };

    private enum VowelKind
    {
        None,
        Strong,
        Weak,
        AccentedWeak,
    }
}
