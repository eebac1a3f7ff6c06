namespace PreferenceCenter.Features.Compliance;

/// <summary>
/// The officer's morning figures. <see cref="DaysSinceAnchor"/> is null when no anchor was taken yet;
/// <see cref="DpoConfigured"/> false means none will be until <c>Compliance:DpoAddress</c> is set.
/// </summary>
public sealed record CompliancePanel(
    IReadOnlyList<ErasureDue> Overdue,
    IReadOnlyList<ErasureDue> DueThisWeek,
    DateTimeOffset? LastAnchorAt,
    int? DaysSinceAnchor,
    bool DpoConfigured,
    int ConsentsExpiringIn30Days,
    int ConfirmationsWaiting,
    int MailFailing);
