namespace PreferenceCenter.Features.Privacy.Readability;

/// <summary>One text measured in one language: its counts, its score on that language's formula and the verdict.</summary>
public sealed record ReadabilityReading(string Language, string Formula, TextCounts Counts, double Score, TimeSpan ReadingTime)
{
    public int Words => Counts.Words;

    /// <summary>Plain enough: at least <see cref="ReadabilityMeter.MinScore"/>. Empty text has nothing to judge and passes.</summary>
    public bool ScorePasses => Counts.Words == 0 || Score >= ReadabilityMeter.MinScore;
}
