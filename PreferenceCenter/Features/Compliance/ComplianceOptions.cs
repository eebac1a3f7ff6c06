using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Compliance;

/// <summary><c>Compliance:*</c>: where the ledger's daily anchor is emailed, and how often the anchor job looks.</summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>The data protection officer's mailbox; empty means no anchor is taken (the panel says so).</summary>
    [EmailAddress(ErrorMessage = "Compliance:DpoAddress must be an email address.")]
    public string? DpoAddress { get; set; }

    /// <summary>The language the anchor email is written in: one the app writes in (en, it, es).</summary>
    [AllowedValues("en", "it", "es", ErrorMessage = "Compliance:DpoLanguage must be en, it or es.")]
    public string DpoLanguage { get; set; } = "en";

    /// <summary>How long after the last anchor the next is due.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Compliance:AnchorEvery must be between one minute and seven days.")]
    public TimeSpan AnchorEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the job checks whether an anchor is due (a restart never sends a second one early).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Compliance:CheckEvery must be between one second and one day.")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}
