namespace PreferenceCenter.Features.Privacy;

/// <summary>The full legal text of a notice version in one language: the third layer.</summary>
public sealed class NoticeText
{
    /// <summary>Long enough for any real notice (about 7,000 words); a bound so a paste cannot fill the database.</summary>
    public const int LegalTextMaxLength = 50_000;

    public int Id { get; init; }
    public int NoticeVersionId { get; init; }
    public required string Culture { get; init; }
    public required string Title { get; init; }
    public required string LegalText { get; init; }
}
