namespace PreferenceCenter.Features.Privacy;

/// <summary>The published notice in one language, with its purposes in display order.</summary>
public sealed record CurrentNotice(
    int Number, DateTimeOffset PublishedAt, string Culture, string Title, string LegalText, IReadOnlyList<PurposeSummary> Purposes);
