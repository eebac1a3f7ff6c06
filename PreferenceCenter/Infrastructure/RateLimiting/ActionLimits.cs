namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>
/// One action's two limits: per client address, and per target (the email address or account the request names).
/// A request must fit both. Either is absent where the action has no such partition (a circuit has no per-request
/// address; an emailed link's token is new on every forgery, so a per-token limit would stop nothing).
/// </summary>
public sealed class ActionLimits
{
    public ActionLimits()
    {
    }

    public ActionLimits(WindowLimit? perClient, WindowLimit? perTarget)
    {
        PerClient = perClient;
        PerTarget = perTarget;
    }

    public WindowLimit? PerClient { get; set; }

    public WindowLimit? PerTarget { get; set; }
}
