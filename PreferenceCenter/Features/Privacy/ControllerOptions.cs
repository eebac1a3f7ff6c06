namespace PreferenceCenter.Features.Privacy;

/// <summary>
/// Who is responsible for the data (the GDPR's "controller"): the one name the export and /privacy both show, so they
/// cannot disagree. Configured under <c>Privacy:Controller</c>; the notice's legal text must name the same company.
/// </summary>
public sealed class ControllerOptions
{
    public const string Section = "Privacy:Controller";

    public string Name { get; set; } = "Example Retail S.p.A.";

    /// <summary>How to reach the controller's data protection officer: an email address.</summary>
    public string Contact { get; set; } = "privacy@example.com";
}
