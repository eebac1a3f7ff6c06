namespace PreferenceCenter.Features.Common;

/// <summary>
/// Who acts, and — when staff act for a customer — why and how the customer asked.
/// Ids are our own pseudonymous ids, never an email: the ledger outlives erasure.
/// </summary>
public sealed record Actor(ActorKind Kind, string Id, string? Reason = null, string? RequestChannel = null)
{
    /// <summary>The longest reason the ledger keeps with an actor (its <c>Reason</c> column).</summary>
    public const int ReasonMaxLength = 500;

    public static Actor Customer(Guid customerId) => new(ActorKind.Customer, customerId.ToString());

    public static Actor System(string job) => new(ActorKind.System, job);

    /// <summary>A system calling the API, by its client id (its name is looked up when the history is read).</summary>
    public static Actor ApiClient(Guid clientId) => new(ActorKind.ApiClient, clientId.ToString("N"));

    /// <summary>A staff member, by their sign-in account's id; reason and request channel when acting for a customer.</summary>
    public static Actor Staff(string userId, string? reason = null, string? requestChannel = null) =>
        new(ActorKind.Staff, userId, reason, requestChannel);
}
