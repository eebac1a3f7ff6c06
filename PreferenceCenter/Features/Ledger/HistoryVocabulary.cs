using PreferenceCenter.Components.Common;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// The words a history sentence needs beyond the entry itself, in the reader's language: purpose titles and question
/// prompts by key (retired ones included, so old entries stay readable), and the reader's clock for dates.
/// </summary>
public sealed record HistoryVocabulary(
    IReadOnlyDictionary<string, string> PurposeTitles,
    IReadOnlyDictionary<string, string> QuestionPrompts,
    ReaderTimeZone? TimeZone = null)
{
    public static HistoryVocabulary Empty { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());
}
