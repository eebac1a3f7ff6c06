namespace PreferenceCenter.Features.Privacy;

/// <summary>What one purpose means, in one language, in one notice version: first and second layers.</summary>
public sealed class PurposeText
{
    public const int SummaryMaxLength = 400;
    public const int TitleMaxLength = 100;

    public int Id { get; init; }
    public int NoticeVersionId { get; init; }
    public int PurposeId { get; init; }
    public required string Culture { get; init; }
    public required string Title { get; init; }

    /// <summary>One plain sentence: what data, why, how long, who receives it, on which basis.</summary>
    public required string Summary { get; init; }
    public required string DataUsed { get; init; }
    public required string Retention { get; init; }

    /// <summary>What happens if the customer says no (or withdraws); null in versions published before it was asked for.</summary>
    public string? IfYouSayNo { get; init; }
}
