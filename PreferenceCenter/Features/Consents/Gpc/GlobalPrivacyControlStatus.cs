namespace PreferenceCenter.Features.Consents.Gpc;

/// <summary>Whether the customer's browser signal was honoured, and whether they chose to share again since.</summary>
public sealed record GlobalPrivacyControlStatus(DateTimeOffset HonouredAt, DateTimeOffset? OverriddenAt)
{
    /// <summary>The signal's choice stands: the page tells the customer what we did for them.</summary>
    public bool Stands => OverriddenAt is null;
}
