namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>
/// Marks a page or endpoint as limited under <see cref="Action"/>'s limits. Form pages are limited on POST only (opening
/// the form costs nothing); <see cref="IncludeReads"/> limits every method, for token-bearing links. With
/// <see cref="TargetField"/>, the form field naming an email address is a second partition beside the client address.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RateLimitedAttribute(RequestLimit action) : Attribute
{
    public RequestLimit Action { get; } = action;

    public string? TargetField { get; init; }

    public bool IncludeReads { get; init; }

    /// <summary>This request's limit: the endpoint's marker when its method is one the marker limits.</summary>
    public static RateLimitedAttribute? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var marker = context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>();
        return marker is not null && (marker.IncludeReads || HttpMethods.IsPost(context.Request.Method)) ? marker : null;
    }
}
