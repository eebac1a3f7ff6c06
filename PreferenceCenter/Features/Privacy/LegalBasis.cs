namespace PreferenceCenter.Features.Privacy;

/// <summary>GDPR Art. 6(1) bases we use. Only <see cref="Consent"/> purposes get a switch: the others are not ours to ask.</summary>
public enum LegalBasis
{
    Consent = 1,
    Contract = 2,
    LegitimateInterest = 3,
    LegalObligation = 4,
}
