using System.ComponentModel.DataAnnotations;

namespace PreferenceCenter.Features.Erasure;

/// <summary>The <c>Erasure</c> settings section; checked at start-up.</summary>
public sealed class ErasureOptions
{
    public const string Section = "Erasure";

    /// <summary>Months from the request to its due date: one by law (Art. 12(3)), up to three when extended.</summary>
    [Range(1, 3)]
    public int DeadlineMonths { get; set; } = 1;

    /// <summary>How long the confirmation link in the email works.</summary>
    [Range(1, 168)]
    public int ConfirmationLinkHours { get; set; } = 48;

    /// <summary>How often the background job looks for approved requests to carry out.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RunEvery { get; set; } = TimeSpan.FromHours(1);
}
