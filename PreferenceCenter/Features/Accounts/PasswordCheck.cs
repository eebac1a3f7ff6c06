namespace PreferenceCenter.Features.Accounts;

/// <summary>What <see cref="PasswordAttempts"/> found: the right password, a wrong one, or a locked account (nothing checked).</summary>
public enum PasswordCheck
{
    Right,
    Wrong,
    LockedOut,
}
