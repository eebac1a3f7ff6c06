namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>
/// <c>App:PublicBaseUrl</c>: where customers reach the app from an email. Behind a proxy the request's own host
/// is not it, and a background job has no request at all, so it is configured, never guessed.
/// </summary>
public sealed class PublicUrlOptions
{
    public const string Section = "App";

    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Why the address cannot be used, or null: absolute, https (http only on loopback), no query or fragment.</summary>
    public static string? Problem(Uri? url) => url switch
    {
        null => "App:PublicBaseUrl is required: the address customers reach the app at (used in email links).",
        { IsAbsoluteUri: false } => "App:PublicBaseUrl must be an absolute address such as https://preferences.example.com/.",
        { Scheme: "https" } or { Scheme: "http", IsLoopback: true } when url.Query.Length == 0 && url.Fragment.Length == 0 => null,
        { Scheme: "https" } or { Scheme: "http", IsLoopback: true } => "App:PublicBaseUrl must not carry a query or fragment.",
        _ => "App:PublicBaseUrl must use https (plain http is accepted only for localhost).",
    };
}
