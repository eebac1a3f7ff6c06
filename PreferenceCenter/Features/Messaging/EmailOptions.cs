using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Messaging;

/// <summary>
/// <c>Email:*</c>. With <c>Email:Smtp:Host</c> set, mail goes out over SMTP; otherwise it is written as
/// <c>.eml</c> files to <c>Email:PickupDirectory</c>, so the app runs with nothing else installed.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "privacy@example.com";

    [Required]
    public string FromName { get; set; } = "PreferenceCenter";

    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail-pickup";

    /// <summary>A mailbox offered as a second way out in <c>List-Unsubscribe</c>; none when empty.</summary>
    [EmailAddress]
    public string? UnsubscribeMailto { get; set; }

    /// <summary>How long the unsubscribe link in a marketing email keeps working.</summary>
    [Range(1, 3650)]
    public int UnsubscribeLinkDays { get; set; } = 365;

    /// <summary>How long an emailed "manage your preferences" link opens the page without a password: short, as it signs in.</summary>
    [Range(1, 720)]
    public int ManageLinkHours { get; set; } = 72;

    /// <summary>How long the session a "manage your preferences" link opens lasts; it never slides.</summary>
    [Range(5, 1440)]
    public int ManageSessionMinutes { get; set; } = 60;

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}
