namespace PreferenceCenter.Features.Api.Clients;

/// <summary>
/// What an officer's change to a client did: the client as it now stands and, after a create or a rotation, the key —
/// shown this once and never stored — or why nothing was done.
/// </summary>
public sealed record ApiClientResult(ApiClientView? Client, string? Key = null, ApiClientProblem? Problem = null)
{
    public bool Succeeded => Problem is null;

    public static ApiClientResult Refused(ApiClientProblem problem) => new(null, null, problem);
}
