using System.Globalization;
using PreferenceCenter.Data;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Receipts;

/// <summary>The purpose titles and question prompts a receipt names, in one of our languages.</summary>
public static class ReceiptVocabulary
{
    public static async Task<HistoryVocabulary> LoadAsync(AppDbContext db, AnswerService answers, string culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var language = SupportedCultures.OrDefault(culture);
        return new HistoryVocabulary(
            await PurposeTitles.LoadAsync(db, language, cancellationToken),
            await answers.GetPromptsAsync(CultureInfo.GetCultureInfo(language), cancellationToken));
    }
}
