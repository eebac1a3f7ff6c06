namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// The outcome of an officer's change: refused with a problem (and, for an address, which rule it broke), or done —
/// with the signing secret once, right after registration, and never again.
/// </summary>
public sealed record WebhookAdminResult(WebhookAdminProblem? Problem, WebhookUrlProblem? UrlProblem = null, string? Secret = null, int Count = 0)
{
    public static WebhookAdminResult Done(string? secret = null, int count = 0) => new(null, null, secret, count);

    public static WebhookAdminResult Refused(WebhookAdminProblem problem) => new(problem);

    public static WebhookAdminResult BadUrl(WebhookUrlProblem problem) => new(WebhookAdminProblem.InvalidUrl, problem);
}
