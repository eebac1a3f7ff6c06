namespace PreferenceCenter.Features.Support;

/// <summary>How staff reads of a customer's record are recorded.</summary>
public static class SupportReadRules
{
    /// <summary>
    /// Reads by the same agent of the same customer closer together than this are one visit, recorded once: the page
    /// reads the record when it opens and again after each change made while acting.
    /// </summary>
    public static readonly TimeSpan OneVisit = TimeSpan.FromMinutes(10);
}
