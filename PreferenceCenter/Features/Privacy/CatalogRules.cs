using PreferenceCenter.Features.Common;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Privacy;

/// <summary>What a catalog must satisfy before customers see it. Each problem names the purpose and language.</summary>
public static class CatalogRules
{
    /// <summary>About a minute of reading for the first layer (titles and one-sentence summaries) per language.</summary>
    public const int FirstLayerMaxWords = 250;

    public static IReadOnlyList<string> Check(CatalogDocument catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        var recipients = (catalog.Recipients ?? []).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var purposes = catalog.Purposes ?? [];
        if (purposes.Count == 0)
        {
            problems.Add("The catalog has no purposes.");
        }

        foreach (var language in (catalog.Notice?.Keys ?? []).Concat(purposes.SelectMany(p => p.Texts?.Keys ?? [])).Distinct())
        {
            if (!SupportedCultures.IsSupported(language))
            {
                problems.Add($"'{language}' is not a language the app offers ({string.Join(", ", SupportedCultures.Names)}).");
            }
        }

        if (catalog.Notice?.ContainsKey(SupportedCultures.Default) != true)
        {
            problems.Add($"The notice has no full legal text in '{SupportedCultures.Default}', the language every reader falls back to.");
        }

        foreach (var (language, legal) in catalog.Notice ?? new Dictionary<string, CatalogDocument.NoticeEntry>())
        {
            if (legal?.LegalText?.Length > NoticeText.LegalTextMaxLength)
            {
                problems.Add($"The legal text in '{language}' is {legal.LegalText.Length} characters; at most {NoticeText.LegalTextMaxLength}.");
            }
        }

        foreach (var duplicate in purposes.GroupBy(p => p.Key).Where(g => g.Count() > 1))
        {
            problems.Add($"The purpose key '{duplicate.Key}' is used {duplicate.Count()} times.");
        }

        foreach (var purpose in purposes)
        {
            problems.AddRange(CheckPurpose(purpose, recipients));
        }

        problems.AddRange(ControlCharacters(catalog));
        foreach (var language in SupportedCultures.Names)
        {
            var words = purposes.Select(p => p.Texts?.GetValueOrDefault(language)).Where(t => t is not null)
                .Sum(t => Words(t!.Title) + Words(t!.Summary));
            if (words > FirstLayerMaxWords)
            {
                problems.Add($"The first layer in '{language}' is {words} words; at most {FirstLayerMaxWords}, so it reads in about a minute.");
            }
        }

        return problems;
    }

    private static IEnumerable<string> CheckPurpose(CatalogDocument.PurposeEntry purpose, HashSet<string> recipients)
    {
        if (string.IsNullOrWhiteSpace(purpose.Key) || purpose.Key.Length > Purpose.KeyMaxLength)
        {
            yield return $"A purpose key must be 1 to {Purpose.KeyMaxLength} characters ('{purpose.Key}').";
        }

        if (purpose.LegalBasis == LegalBasis.Consent && (purpose.Channels ?? []).Count == 0)
        {
            yield return $"Purpose '{purpose.Key}' asks for consent but is offered on no channel, so it could never be given.";
        }

        if (purpose.Recipient is not null && !recipients.Contains(purpose.Recipient))
        {
            yield return $"Purpose '{purpose.Key}' names recipient '{purpose.Recipient}', which the catalog does not define.";
        }

        if (purpose.Kind == PurposeKind.Sharing && purpose.Recipient is null)
        {
            yield return $"Purpose '{purpose.Key}' shares data but names no recipient: sharing is always with someone named.";
        }

        if (purpose.ValidityMonths < Purpose.ValidityMinMonths || purpose.ValidityMonths > Purpose.ValidityMaxMonths)
        {
            yield return $"Purpose '{purpose.Key}' lasts {purpose.ValidityMonths} months; between {Purpose.ValidityMinMonths} and {Purpose.ValidityMaxMonths}, or leave it out for no expiry.";
        }

        if (purpose.RetentionAfterEndDays is < 0 or > Purpose.RetentionMaxDays)
        {
            yield return $"Purpose '{purpose.Key}' keeps its data {purpose.RetentionAfterEndDays} days after consent ends; between 0 and {Purpose.RetentionMaxDays}, or leave it out to keep the current period.";
        }

        if (purpose.RetentionAfterEndDays is not null && purpose.LegalBasis != LegalBasis.Consent)
        {
            yield return $"Purpose '{purpose.Key}' has a retention after consent ends, but it does not rest on consent, so no consent ever ends it.";
        }

        if (purpose.MaterialChange && purpose.LegalBasis != LegalBasis.Consent)
        {
            yield return $"Purpose '{purpose.Key}' is marked as materially changed, but it does not rest on consent, so there is no consent for customers to review.";
        }

        if (purpose.Texts?.ContainsKey(SupportedCultures.Default) != true)
        {
            yield return $"Purpose '{purpose.Key}' has no '{SupportedCultures.Default}' text, the language every reader falls back to.";
        }

        foreach (var (language, text) in purpose.Texts ?? new Dictionary<string, CatalogDocument.PurposeTextEntry>())
        {
            if (string.IsNullOrWhiteSpace(text.Title) || string.IsNullOrWhiteSpace(text.Summary))
            {
                yield return $"Purpose '{purpose.Key}' in '{language}' needs both a title and a one-sentence summary.";
            }

            if (text.Summary?.Length > PurposeText.SummaryMaxLength)
            {
                yield return $"Purpose '{purpose.Key}' in '{language}': the summary is {text.Summary.Length} characters; at most {PurposeText.SummaryMaxLength}.";
            }

            if (text.Title?.Length > PurposeText.TitleMaxLength)
            {
                yield return $"Purpose '{purpose.Key}' in '{language}': the title is {text.Title.Length} characters; at most {PurposeText.TitleMaxLength}.";
            }

            foreach (var (field, value) in new[] { ("data used", text.DataUsed), ("how long", text.Retention), ("what happens if you say no", text.IfYouSayNo) })
            {
                if (value?.Length > PurposeText.SummaryMaxLength)
                {
                    yield return $"Purpose '{purpose.Key}' in '{language}': '{field}' is {value.Length} characters; at most {PurposeText.SummaryMaxLength}.";
                }
            }
        }
    }

    // Every text a catalog brings is plain text that customers read (recipients' names on the sharing purposes, the
    // notice, the purposes' layers): a control character, NUL above all, is refused here rather than stored silently
    // (PostgreSQL's text cannot hold a NUL). Line breaks pass in the legal text and the longer purpose fields.
    private static IEnumerable<string> ControlCharacters(CatalogDocument catalog)
    {
        foreach (var recipient in catalog.Recipients ?? [])
        {
            foreach (var (field, value) in new[] { ("key", recipient.Key), ("name", recipient.Name), ("country", recipient.Country) })
            {
                if (PlainText.HasControlCharacter(value))
                {
                    yield return $"Recipient '{Printable(recipient.Key)}' has a control character (such as NUL) in its {field}: remove it.";
                }
            }
        }

        foreach (var (language, notice) in catalog.Notice ?? new Dictionary<string, CatalogDocument.NoticeEntry>())
        {
            if (PlainText.HasControlCharacter(notice?.Title) || PlainText.HasControlCharacter(notice?.LegalText, multiline: true))
            {
                yield return $"The notice in '{Printable(language)}' has a control character (such as NUL) in its title or legal text: remove it.";
            }
        }

        foreach (var purpose in catalog.Purposes ?? [])
        {
            if (PlainText.HasControlCharacter(purpose.Key) || PlainText.HasControlCharacter(purpose.Recipient))
            {
                yield return $"Purpose '{Printable(purpose.Key)}' has a control character (such as NUL) in its key or recipient: remove it.";
            }

            foreach (var (language, text) in purpose.Texts ?? new Dictionary<string, CatalogDocument.PurposeTextEntry>())
            {
                if (PlainText.HasControlCharacter(text?.Title) || PlainText.HasControlCharacter(text?.Summary)
                    || new[] { text?.DataUsed, text?.Retention, text?.IfYouSayNo }.Any(t => PlainText.HasControlCharacter(t, multiline: true)))
                {
                    yield return $"Purpose '{Printable(purpose.Key)}' in '{Printable(language)}' has a control character (such as NUL) in its texts: remove it.";
                }
            }
        }
    }

    // A problem message names the item, and a control character in that name would garble where it is printed.
    private static string Printable(string? text) => new((text ?? string.Empty).Select(c => char.IsControl(c) ? '\uFFFD' : c).ToArray());

    private static int Words(string? text) => (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
