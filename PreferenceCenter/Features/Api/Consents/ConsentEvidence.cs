namespace PreferenceCenter.Features.Api.Consents;

/// <summary>
/// Proof of a consent gathered outside this app (a shop's checkout, a paper form): when and where it was captured, and
/// what the person was shown — a notice version published here, or the wording itself.
/// </summary>
public sealed record ConsentEvidence(DateTimeOffset? CapturedAt, string? CollectionPoint, int? NoticeVersion, string? Wording)
{
    public const int CollectionPointMaxLength = 100;
    public const int WordingMaxLength = 1_000;
}
