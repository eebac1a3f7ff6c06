using Microsoft.AspNetCore.Http;

namespace PreferenceCenter.Features.Consents.Gpc;

/// <summary>The Global Privacy Control request header (https://privacycg.github.io/gpc-spec/): <c>Sec-GPC: 1</c>.</summary>
public static class GlobalPrivacyControlHeader
{
    public const string Name = "Sec-GPC";

    /// <summary>
    /// True only for the value the specification defines, "1" (surrounding spaces allowed, as in any header).
    /// Anything else, or several values, means no preference was expressed.
    /// </summary>
    public static bool IsSignalled(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers[Name];
        return values.Count == 1 && values[0]?.Trim() == "1";
    }
}
