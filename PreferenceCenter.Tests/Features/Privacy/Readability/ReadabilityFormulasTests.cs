using PreferenceCenter.Features.Privacy.Readability;

namespace PreferenceCenter.Tests.Features.Privacy.Readability;

/// <summary>Each formula on a reference sentence counted and computed by hand, then measured by the meter end to end.</summary>
public sealed class ReadabilityFormulasTests
{
    // "We send you offers by email. You can stop them at any time."
    // Words: we send you offers by email (6) + you can stop them at any time (7) = 13; sentences: 2.
    // Syllables (vowel groups, silent final e): we 1, send 1, you 1, of-fers 2, by 1, e-mail 2 = 8;
    //   you 1, can 1, stop 1, them 1, at 1, a-ny 2, time 1 = 8; total 16.
    // Flesch = 206.835 − 1.015 × 13/2 − 84.6 × 16/13 = 206.835 − 6.5975 − 104.1231 = 96.1144 → 96.1
    private const string English = "We send you offers by email. You can stop them at any time.";

    // "Usiamo la tua email per inviarti offerte. Puoi dire di no."
    // Words: usiamo la tua email per inviarti offerte (7) + puoi dire di no (4) = 11; sentences: 2.
    // Letters: 6 + 2 + 3 + 5 + 3 + 8 + 7 = 34; 4 + 4 + 2 + 2 = 12; total 46.
    // Gulpease = 89 + (300 × 2 − 10 × 46) / 11 = 89 + 140 / 11 = 89 + 12.7273 = 101.7273 → 101.7
    private const string Italian = "Usiamo la tua email per inviarti offerte. Puoi dire di no.";

    // "Usamos tu email para enviarte ofertas. Puedes decir que no."
    // Words: usamos tu email para enviarte ofertas (6) + puedes decir que no (4) = 10; sentences: 2.
    // Syllables: u-sa-mos 3, tu 1, e-mail 2 (ai diphthong), pa-ra 2, en-viar-te 3 (ia diphthong), o-fer-tas 3 = 14;
    //   pue-des 2 (ue diphthong), de-cir 2, que 1, no 1 = 6; total 20.
    // Fernández-Huerta (Law 2011) = 206.84 − 0.60 × (100 × 20/10) − 1.02 × 10/2 = 206.84 − 120 − 5.1 = 81.74 → 81.7
    private const string Spanish = "Usamos tu email para enviarte ofertas. Puedes decir que no.";

    [Fact]
    public void Flesch_OnTheHandCountedEnglishSentences_Is96Point1()
    {
        Assert.Equal(96.1144, ReadabilityFormulas.Flesch(new TextCounts(13, 2, 16, 0)), 4);

        var reading = ReadabilityMeter.Measure(English, "en");

        Assert.Equal((13, 2, 16, "Flesch", 96.1), (reading.Counts.Words, reading.Counts.Sentences, reading.Counts.Syllables, reading.Formula, reading.Score));
    }

    [Fact]
    public void Gulpease_OnTheHandCountedItalianSentences_Is101Point7()
    {
        Assert.Equal(101.7273, ReadabilityFormulas.Gulpease(new TextCounts(11, 2, 0, 46)), 4);

        var reading = ReadabilityMeter.Measure(Italian, "it");

        Assert.Equal((11, 2, 46, "Gulpease", 101.7), (reading.Counts.Words, reading.Counts.Sentences, reading.Counts.Letters, reading.Formula, reading.Score));
    }

    [Fact]
    public void FernandezHuerta_OnTheHandCountedSpanishSentences_Is81Point7()
    {
        Assert.Equal(81.74, ReadabilityFormulas.FernandezHuerta(new TextCounts(10, 2, 20, 0)), 4);

        var reading = ReadabilityMeter.Measure(Spanish, "es");

        Assert.Equal((10, 2, 20, "Fernández-Huerta", 81.7), (reading.Counts.Words, reading.Counts.Sentences, reading.Counts.Syllables, reading.Formula, reading.Score));
    }

    // The 1959 print (F = sentences per 100 words) would score the same words in one long sentence as easier; Law's doesn't.
    [Fact]
    public void FernandezHuerta_ScoresOneLongSentenceBelowTheSameWordsInTwo()
    {
        var twoSentences = ReadabilityMeter.Measure(Spanish, "es");
        var oneSentence = ReadabilityMeter.Measure(Spanish.Replace("ofertas. Puedes", "ofertas y puedes", StringComparison.Ordinal), "es");

        Assert.True(oneSentence.Score < twoSentences.Score, $"{oneSentence.Score} should be below {twoSentences.Score}");
    }

    // 13 words at 200 a minute: 3.9 s, rounded up.
    [Fact]
    public void ReadingTime_Is200WordsAMinuteRoundedUpToTheSecond() =>
        Assert.Equal(TimeSpan.FromSeconds(4), ReadabilityMeter.Measure(English, "en").ReadingTime);

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("No full stop at the end", 6, 1)]
    [InlineData("See art. 6.1 of the GDPR at example.com, then stop.", 10, 2)] // "art." ends one: abbreviations are rare in a summary
    [InlineData("«Fine.» Done!", 2, 2)]
    public void TextCounts_FindWordsAndSentences(string text, int words, int sentences)
    {
        var counts = TextCounts.Of(text, EnglishSyllables.Count);

        Assert.Equal((words, sentences), (counts.Words, counts.Sentences));
    }
}
