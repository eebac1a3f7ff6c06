using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary><c>Lifecycle:*</c>: when reminders go out, how long a confirmation link lives, how often the jobs look.</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Lifecycle";

    /// <summary>Days before a consent expires that its one renewal reminder is sent.</summary>
    [Range(1, 90, ErrorMessage = "Lifecycle:RenewalReminderDays must be between 1 and 90 days.")]
    public int RenewalReminderDays { get; set; } = 30;

    /// <summary>Days a double opt-in confirmation link works.</summary>
    [Range(1, 30, ErrorMessage = "Lifecycle:ConfirmationLinkDays must be between 1 and 30 days.")]
    public int ConfirmationLinkDays { get; set; } = 7;

    /// <summary>How often the expiry and reminder jobs look for work.</summary>
    [Range(1, 1440, ErrorMessage = "Lifecycle:JobIntervalMinutes must be between 1 and 1440 minutes.")]
    public int JobIntervalMinutes { get; set; } = 15;

    public TimeSpan ReminderLead => TimeSpan.FromDays(RenewalReminderDays);

    public TimeSpan ConfirmationLinkLifetime => TimeSpan.FromDays(ConfirmationLinkDays);

    public TimeSpan JobInterval => TimeSpan.FromMinutes(JobIntervalMinutes);
}
