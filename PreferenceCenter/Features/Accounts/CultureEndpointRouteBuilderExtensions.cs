using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Infrastructure.Localization;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The language switcher's endpoint: the choice is a cookie for everyone, and a signed-in customer's own for their emails.</summary>
public static class CultureEndpointRouteBuilderExtensions
{
    /// <summary><c>POST /culture</c> from the language switcher: remembers the choice (a cookie for a year, and the customer's record) and goes back.</summary>
    public static IEndpointConventionBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/culture", async ([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http, CustomerAccounts customers) =>
        {
            if (!SupportedCultures.IsSupported(culture))
            {
                return Results.BadRequest($"'{culture}' is not one of the languages offered: {string.Join(", ", SupportedCultures.Names)}.");
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true,
                    SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps,
                });
            // A signed-in customer's choice is also theirs for the emails we send them.
            if (http.User.GetCustomerId() is Guid customerId)
            {
                await customers.SetPreferredCultureAsync(customerId, culture, http.RequestAborted);
            }

            // Only ever back into this app: an open redirect would turn the switcher into a phishing aid.
            return Results.LocalRedirect(LocalReturnUrl.ForRedirect(returnUrl, http.Request));
        });
}
