using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Import;

/// <summary>One checked row of an import file (see <see cref="ImportColumns"/>).</summary>
public sealed record ImportRow(
    int Line, string Email, string Purpose, Channel Channel, bool Granted, DateTimeOffset CapturedAt, string Source,
    string CollectionPoint, int? NoticeVersion, string? Wording, DateTimeOffset? ConfirmedAt);
