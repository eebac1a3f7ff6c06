namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// The one rule for "where to go back to" after sign-in, sign-out and the language switch: a path inside this app, or
/// nothing. Return URLs arrive in query strings and form fields, so they are the attacker's to write; an absolute URL
/// elsewhere, a scheme, a protocol-relative or backslash trick, control characters (header injection) or a malformed
/// value give null and the caller goes home — never an open redirect, never a 500.
/// </summary>
public static class LocalReturnUrl
{
    public const int MaxLength = 2048;

    /// <summary>The app-relative path without a leading slash (e.g. <c>preferences?tab=1</c>), or null.</summary>
    /// <param name="appBase">The app's absolute base (ending in '/'): an absolute URL under it is accepted as its path.</param>
    public static string? ToAppPath(string? returnUrl, string appBase)
    {
        ArgumentNullException.ThrowIfNull(appBase);
        if (string.IsNullOrWhiteSpace(returnUrl) || returnUrl.Length > MaxLength || returnUrl.Any(char.IsControl))
        {
            return null;
        }

        if (returnUrl.StartsWith(appBase, StringComparison.OrdinalIgnoreCase))
        {
            returnUrl = returnUrl[appBase.Length..];
        }
        else if (returnUrl.StartsWith("~/", StringComparison.Ordinal))
        {
            returnUrl = returnUrl[2..];
        }
        else if (returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal))
        {
            returnUrl = returnUrl[1..];
        }

        return returnUrl.Length == 0 || (returnUrl[0] is not ('/' or '\\') && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
            && !returnUrl.Contains('\\', StringComparison.Ordinal))
            ? returnUrl
            : null;
    }

    /// <summary>For an endpoint's <c>LocalRedirect</c>: <c>~/</c> and the path, or <c>~/</c> (home).</summary>
    public static string ForRedirect(string? returnUrl, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return "~/" + (ToAppPath(returnUrl, $"{request.Scheme}://{request.Host}{request.PathBase}/") ?? string.Empty);
    }
}
