namespace PreferenceCenter.Features.Privacy.Readability;

/// <summary>
/// One language's first layer judged: its summaries' reading ease, and its length in words with the titles counted
/// too (as <see cref="CatalogRules"/> counts them). It fails over <see cref="CatalogRules.FirstLayerMaxWords"/> words
/// or under <see cref="ReadabilityMeter.MinScore"/>.
/// </summary>
public sealed record FirstLayerVerdict(string Language, ReadabilityReading Reading, int Words)
{
    public bool TooLong => Words > CatalogRules.FirstLayerMaxWords;

    public bool Passes => !TooLong && Reading.ScorePasses;

    public TimeSpan ReadingTime => TimeSpan.FromSeconds(Math.Ceiling(Words * 60.0 / ReadabilityMeter.WordsPerMinute));
}
