using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Messaging.Links;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>The app's <see cref="PublicLinks"/> on a fixed base address, for services built without the app's configuration.</summary>
public static class TestPublicLinks
{
    public static PublicLinks At(string baseUrl) => new(Options.Create(new PublicUrlOptions { PublicBaseUrl = new Uri(baseUrl) }));
}
