namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// "This consent's reminder for the period ending at <see cref="PeriodEndsAt"/> was sent." Written in the same
/// transaction as the reminder's outbox row; its unique key is what keeps it to one reminder per period, across
/// restarts and instances.
/// </summary>
public sealed class RenewalReminder
{
    public long Id { get; init; }
    public int ConsentId { get; init; }
    public DateTimeOffset PeriodEndsAt { get; init; }
    public DateTimeOffset SentAt { get; init; }
}
