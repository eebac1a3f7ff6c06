namespace PreferenceCenter.Features.Common;

/// <summary>Who made a change. Stored and hashed: the numbers never change.</summary>
public enum ActorKind
{
    Customer = 1,
    Staff = 2,
    System = 3,
    ApiClient = 4,
}
