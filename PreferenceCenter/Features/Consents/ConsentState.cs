namespace PreferenceCenter.Features.Consents;

/// <summary>Stored state of a consent. No row at all means never given. Stored: the numbers never change.</summary>
public enum ConsentState
{
    Granted = 1,
    Withdrawn = 2,

    /// <summary>Asked for, not yet confirmed from the mailbox (double opt-in): counts as not given.</summary>
    PendingConfirmation = 3,
}
