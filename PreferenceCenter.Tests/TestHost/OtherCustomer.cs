using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>A second, confirmed customer in a running app, made through Identity and <see cref="CustomerAccounts"/> as sign-up would.</summary>
public static class OtherCustomer
{
    public const string Email = "other.customer@example.com";
    public const string Password = DemoCustomer.Password;

    public static async Task EnsureAsync(AppHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(Email) is not null)
        {
            return;
        }

        await app.NewAccountAsync(Email);
    }
}
