namespace PreferenceCenter.Features.Common;

/// <summary>How we may reach a customer. Stored and hashed: the numbers never change.</summary>
public enum Channel
{
    Email = 1,
    Sms = 2,
    Phone = 3,
    Push = 4,
    Post = 5,
}
