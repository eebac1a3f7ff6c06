using Microsoft.Extensions.Options;

namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>Absolute links into the app for emails, built on <c>App:PublicBaseUrl</c>.</summary>
public sealed class PublicLinks(IOptions<PublicUrlOptions> options)
{
    public const string UnsubscribePath = "u";

    /// <summary>An absolute link to <paramref name="relativePath"/> (no leading slash), e.g. <c>confirm/abc</c>.</summary>
    public Uri To(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var root = options.Value.PublicBaseUrl!.AbsoluteUri;
        return new Uri(new Uri(root.EndsWith('/') ? root : root + "/"), relativePath.TrimStart('/'));
    }

    public Uri Unsubscribe(string token) => To($"{UnsubscribePath}/{Uri.EscapeDataString(token)}");
}
