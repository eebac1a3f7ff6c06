using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Retention;

/// <summary><c>Retention:*</c>: how often the retention job looks for data whose time is up.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    [Range(1, 1440, ErrorMessage = "Retention:JobIntervalMinutes must be between 1 and 1440 minutes.")]
    public int JobIntervalMinutes { get; set; } = 60;

    public TimeSpan JobInterval => TimeSpan.FromMinutes(JobIntervalMinutes);
}
