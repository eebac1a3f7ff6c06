using PreferenceCenter.Features.Privacy.Readability;

namespace PreferenceCenter.Tests.Features.Privacy.Readability;

public sealed class SyllablesTests
{
    [Theory]
    [InlineData("the", 1)]
    [InlineData("share", 1)]    // silent final e
    [InlineData("table", 2)]    // but not in -le
    [InlineData("agree", 2)]    // nor after a vowel
    [InlineData("you", 1)]      // one vowel group
    [InlineData("messages", 3)]
    [InlineData("24", 1)]       // every word has one
    public void English_CountsVowelGroups(string word, int syllables) => Assert.Equal(syllables, EnglishSyllables.Count(word));

    [Theory]
    [InlineData("ciudad", 2)]     // ciu-dad: two weak vowels, a diphthong
    [InlineData("puedes", 2)]     // pue-des
    [InlineData("leer", 2)]       // le-er: two strong vowels, a hiatus
    [InlineData("día", 2)]        // dí-a: an accented weak vowel breaks the diphthong
    [InlineData("país", 2)]       // pa-ís
    [InlineData("averigüéis", 4)] // a-ve-ri-güéis: a triphthong
    [InlineData("que", 1)]        // silent u
    public void Spanish_SplitsHiatusesAndAccentedWeakVowels(string word, int syllables) => Assert.Equal(syllables, RomanceSyllables.Spanish(word));

    [Theory]
    [InlineData("paese", 3)]  // pa-e-se: hiatus
    [InlineData("aereo", 4)]  // a-e-re-o
    [InlineData("giorno", 2)] // gior-no: the i only softens the g
    [InlineData("più", 1)]    // the accent on the last vowel does not split it from the i
    [InlineData("puoi", 1)]   // a triphthong
    public void Italian_SplitsHiatusesButKeepsAccentedFinalDiphthongs(string word, int syllables) => Assert.Equal(syllables, RomanceSyllables.Italian(word));
}
