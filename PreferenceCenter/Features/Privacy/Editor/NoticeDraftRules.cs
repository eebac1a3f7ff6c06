using PreferenceCenter.Features.Common;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>
/// What a draft may change: the texts of the purposes in force and the legal text, in the languages the app offers.
/// Purposes themselves (channels, validity, recipient, basis) stay as they are in force when it is published.
/// </summary>
public static class NoticeDraftRules
{
    public const int LegalTextMaxLength = 100_000;

    public static IReadOnlyList<string> Check(CatalogDocument published, CatalogDocument draft)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        if (!draft.Purposes.Select(p => p.Key).SequenceEqual(published.Purposes.Select(p => p.Key)))
        {
            problems.Add("The draft's purposes are not those in force; purposes are added or removed by importing a catalog.");
        }

        var languages = draft.Notice.Keys.Concat(draft.Purposes.SelectMany(p => p.Texts.Keys));
        problems.AddRange(languages.Where(l => !SupportedCultures.IsSupported(l)).Distinct().Select(l => $"'{l}' is not a language the app offers."));
        foreach (var purpose in draft.Purposes)
        {
            foreach (var (language, text) in purpose.Texts)
            {
                var longest = new[] { text.Summary, text.DataUsed, text.Retention, text.IfYouSayNo }.Max(t => t?.Length ?? 0);
                if (text.Title?.Length > PurposeText.TitleMaxLength || longest > PurposeText.SummaryMaxLength)
                {
                    problems.Add($"Purpose '{purpose.Key}' in '{language}': a title is at most {PurposeText.TitleMaxLength} characters and every other text at most {PurposeText.SummaryMaxLength}.");
                }

                if (new[] { text.Title, text.Summary, text.DataUsed, text.Retention, text.IfYouSayNo }.Any(t => PlainText.HasControlCharacter(t, multiline: true)))
                {
                    problems.Add($"Purpose '{purpose.Key}' in '{language}': a text holds a control character (such as NUL), which cannot be saved: remove it.");
                }
            }
        }

        problems.AddRange(draft.Notice.Where(n => n.Value.LegalText?.Length > LegalTextMaxLength)
            .Select(n => $"The legal text in '{n.Key}' is over {LegalTextMaxLength} characters."));
        problems.AddRange(draft.Notice.Where(n => PlainText.HasControlCharacter(n.Value.Title, multiline: true) || PlainText.HasControlCharacter(n.Value.LegalText, multiline: true))
            .Select(n => $"The notice in '{n.Key}' holds a control character (such as NUL), which cannot be saved: remove it."));
        return problems;
    }

    /// <summary>The catalog to publish: the purposes as they are in force, with the draft's texts and the material changes marked.</summary>
    public static CatalogDocument ToPublish(CatalogDocument published, CatalogDocument draft, IReadOnlySet<string> materialChanges)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(materialChanges);
        var texts = draft.Purposes.ToDictionary(p => p.Key, p => p.Texts);
        return published with
        {
            PublishedAt = null,
            Purposes = [.. published.Purposes.Select(p => p with { Texts = texts[p.Key], MaterialChange = materialChanges.Contains(p.Key) })],
            Notice = draft.Notice,
        };
    }
}
