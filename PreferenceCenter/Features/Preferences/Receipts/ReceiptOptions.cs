using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Preferences.Receipts;

/// <summary><c>Receipts:*</c>: how long a customer must leave their choices alone before the receipt goes, how often the job looks.</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>Minutes without a further change that end a session of changes; one receipt covers the session.</summary>
    [Range(1, 1440, ErrorMessage = "Receipts:QuietMinutes must be between 1 and 1440 minutes.")]
    public int QuietMinutes { get; set; } = 10;

    /// <summary>How often the receipt job looks for sessions that have ended.</summary>
    [Range(1, 60, ErrorMessage = "Receipts:JobIntervalMinutes must be between 1 and 60 minutes.")]
    public int JobIntervalMinutes { get; set; } = 1;

    public TimeSpan Quiet => TimeSpan.FromMinutes(QuietMinutes);

    public TimeSpan JobInterval => TimeSpan.FromMinutes(JobIntervalMinutes);
}
