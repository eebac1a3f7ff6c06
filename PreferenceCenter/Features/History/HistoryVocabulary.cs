using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.History;

/// <summary>
/// The words a history sentence needs beyond the entry itself, in the reader's language: purpose titles and question
/// prompts by key (retired ones included, so old entries stay readable), the reader's clock for dates, and who reads
/// (the support console reads in the third person).
/// </summary>
public sealed record HistoryVocabulary(
    IReadOnlyDictionary<string, string> PurposeTitles,
    IReadOnlyDictionary<string, string> QuestionPrompts,
    ReaderTimeZone? TimeZone = null,
    HistoryReader Reader = HistoryReader.Customer)
{
    public static HistoryVocabulary Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>The purpose titles of the current notice (none when nothing is published) and the given prompts.</summary>
    public static HistoryVocabulary For(CurrentNotice? notice, IReadOnlyDictionary<string, string> questionPrompts, ReaderTimeZone? timeZone = null) =>
        new(notice?.Purposes.ToDictionary(p => p.Key, p => p.Title) ?? new Dictionary<string, string>(), questionPrompts, timeZone);
}
