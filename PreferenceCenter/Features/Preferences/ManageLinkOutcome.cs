namespace PreferenceCenter.Features.Preferences;

/// <summary>What an emailed "manage your preferences" link can do; each refusal has its page text and status code.</summary>
public enum ManageLinkOutcome
{
    Ready = 1,

    /// <summary>Forged, cut short or made for something else: 400.</summary>
    Invalid = 2,

    /// <summary>Good once, past its time: 410.</summary>
    Expired = 3,

    /// <summary>The customer was erased: the link is useless for good (410).</summary>
    Erased = 4,

    /// <summary>No sign-in behind the customer (an imported record not yet claimed), or one that may not open this way: 404.</summary>
    NoAccount = 5,
}
