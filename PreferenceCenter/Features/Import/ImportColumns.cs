namespace PreferenceCenter.Features.Import;

/// <summary>The CSV header names an import file uses (docs/features/import.md). Part of the format: they never change.</summary>
public static class ImportColumns
{
    public const string Email = "email";
    public const string Purpose = "purpose";
    public const string Channel = "channel";
    public const string State = "state";
    public const string CapturedAt = "captured_at";
    public const string Source = "source";
    public const string CollectionPoint = "collection_point";
    public const string NoticeVersion = "notice_version";
    public const string Wording = "wording";

    /// <summary>Proof of confirmation: when the mailbox's owner confirmed marketing by email (double opt-in) at the source.</summary>
    public const string ConfirmedAt = "confirmed_at";

    public static IReadOnlyList<string> Required { get; } = [Email, Purpose, Channel, State, CapturedAt, Source, CollectionPoint];

    public static IReadOnlyList<string> Optional { get; } = [NoticeVersion, Wording, ConfirmedAt];

    public static IReadOnlyList<string> All { get; } = [.. Required, .. Optional];
}
