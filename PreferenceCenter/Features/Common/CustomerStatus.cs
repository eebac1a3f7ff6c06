namespace PreferenceCenter.Features.Common;

public enum CustomerStatus
{
    Active = 1,
    Erased = 2,
}
