namespace PreferenceCenter.Features.Accounts;

public enum CustomerStatus
{
    Active = 1,
    Erased = 2,
}
