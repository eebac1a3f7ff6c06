namespace Microsoft.AspNetCore.Builder;

public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from this site, no framing (clickjacking a consent switch is the attack to prevent), no MIME
    /// sniffing, and no full URLs (which can carry one-time codes) leaked to other sites in the Referer.
    /// MudBlazor sets inline styles, hence 'unsafe-inline' for styles only.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <summary>Where a response's script nonce is kept: the key Scalar's reference page stores its per-request nonce under.</summary>
    public const string ScriptNonceKey = Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey;

    /// <summary>Antiforgery would add its own, weaker X-Frame-Options (SAMEORIGIN) beside ours.</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            // A page that must run an inline script (the API reference) stores a fresh nonce for this response;
            // only that script is allowed, and only on that response.
            context.Response.OnStarting(() =>
            {
                if (context.Items.TryGetValue(ScriptNonceKey, out var value) && value is string nonce)
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace(
                        "script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal);
                }

                // Pages, downloads and API answers carry personal data: no browser or proxy may keep a copy. Static
                // assets set their own caching before this runs, and keep it.
                if (string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return next(context);
        });
}
