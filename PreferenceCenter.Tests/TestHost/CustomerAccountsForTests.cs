using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Confirmed customer accounts in a running app, made through Identity and <see cref="CustomerAccounts"/> as sign-up would.</summary>
public static class CustomerAccountsForTests
{
    /// <summary>A new customer who signs in with <paramref name="email"/> and the demo password; returns their customer id.</summary>
    public static async Task<Guid> NewAccountAsync(this AppHost app, string email)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoCustomer.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Customer);
        return (await scope.ServiceProvider.GetRequiredService<CustomerAccounts>().CreateForUserAsync(user.Id, email, culture: null)).Id;
    }
}
