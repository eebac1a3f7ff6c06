namespace PreferenceCenter.Features.Privacy;

/// <summary>
/// A published, immutable version of the privacy notice. Every consent records the version the customer saw.
/// </summary>
public sealed class NoticeVersion
{
    public int Id { get; init; }

    /// <summary>1, 2, 3 … as shown to customers ("version 3").</summary>
    public int Number { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public List<NoticeText> Texts { get; init; } = [];
    public List<PurposeText> PurposeTexts { get; init; } = [];
}
