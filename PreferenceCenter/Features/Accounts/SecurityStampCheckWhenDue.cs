using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// The sign-in cookie's security stamp check, with Identity's own validator resolved only when the check is due.
/// Identity's hook resolves that validator on every request, and with it the sign-in manager, the user manager, the
/// store and a database context, only to find that nothing is due until the interval has passed. An open page's
/// circuit runs over one long request (the <c>_blazor</c> WebSocket), whose services live as long as it does: every
/// open page held all of them, about 15 KB (docs/performance.md, memory per open page). When the check is due the
/// validator runs exactly as before.
/// </summary>
public static class SecurityStampCheckWhenDue
{
    public static Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        // The same clock and the same rule as the validator: a cookie issued within the interval is not checked yet.
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval
            ? Task.CompletedTask
            : SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
