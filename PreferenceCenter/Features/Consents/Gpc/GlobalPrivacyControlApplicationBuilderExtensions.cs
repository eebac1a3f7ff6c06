using PreferenceCenter.Features.Consents.Gpc;

namespace Microsoft.AspNetCore.Builder;

public static class GlobalPrivacyControlApplicationBuilderExtensions
{
    /// <summary>After authentication: the signal is honoured for the signed-in customer only.</summary>
    public static IApplicationBuilder UseGlobalPrivacyControl(this IApplicationBuilder app) =>
        app.UseMiddleware<GlobalPrivacyControlMiddleware>();
}
