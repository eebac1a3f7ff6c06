using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Accounts;

/// <summary>
/// The lockout and the work a sign-in does, in the running app's own services (a scope per attempt, as per request),
/// with a hasher that counts what it checks. Structural, not timed: which passwords were checked, and how many.
/// </summary>
public sealed class LockoutTests(RateLimitedAppHost app) : IClassFixture<RateLimitedAppHost>
{
    private const string Password = "Right!Horse9";

    [Fact]
    public async Task Thirty_wrong_passwords_at_once_get_at_most_five_checks_and_then_even_the_right_one_is_locked_out()
    {
        var email = await AccountAsync();
        var hash = (await RowAsync(email)).PasswordHash;

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => SignInAsync(email, $"Wrong!Guess{i}"))));

        Assert.InRange(app.PasswordChecks.Against(hash), 1, 5);
        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.Contains(results, r => r.IsLockedOut);
        var row = await RowAsync(email);
        Assert.True(row.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));

        var checks = app.PasswordChecks.Against(hash);
        var right = await SignInAsync(email, Password);
        Assert.True(right.IsLockedOut);
        Assert.Equal(checks, app.PasswordChecks.Against(hash));
    }

    [Fact]
    public async Task One_wrong_password_is_counted_and_the_right_one_starts_the_count_afresh()
    {
        var email = await AccountAsync();

        Assert.False((await SignInAsync(email, "Wrong!Guess1")).Succeeded);
        Assert.Equal(1, (await RowAsync(email)).AccessFailedCount);
        Assert.True((await CheckAsync(email, Password)).Succeeded);
        Assert.Equal(0, (await RowAsync(email)).AccessFailedCount);
    }

    [Fact]
    public async Task An_unknown_address_an_unconfirmed_account_and_a_known_one_each_cost_exactly_one_password_check()
    {
        var known = await AccountAsync();
        var unconfirmed = await AccountAsync(confirmed: false);

        foreach (var email in new[] { $"nobody-{Guid.NewGuid():N}@example.com", unconfirmed, known })
        {
            var before = app.PasswordChecks.Total;
            var result = await SignInAsync(email, "Wrong!Guess1");
            Assert.False(result.Succeeded);
            Assert.Equal(before + 1, app.PasswordChecks.Total);
        }
    }

    [Fact]
    public async Task A_locked_account_costs_one_password_check_like_any_other_attempt()
    {
        var email = await AccountAsync();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(email, "Wrong!Guess1");
        }

        var before = app.PasswordChecks.Total;
        Assert.True((await SignInAsync(email, "Wrong!Guess1")).IsLockedOut);
        Assert.Equal(before + 1, app.PasswordChecks.Total);
    }

    [Fact]
    public async Task Five_wrong_codes_counted_at_once_lock_the_account_none_lost_to_another()
    {
        var email = await AccountAsync();

        // What a wrong two-factor or recovery code does: Identity asks the user manager to count a failure.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.AccessFailedAsync((await users.FindByEmailAsync(email))!)).Succeeded);
        })));

        var row = await RowAsync(email);
        Assert.True(row.LockoutEnd > DateTimeOffset.UtcNow);
        Assert.Equal(0, row.AccessFailedCount);
    }

    private async Task<SignInResult> SignInAsync(string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>()
            .PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
    }

    // The right password through the check alone: a full sign-in would need a request to write its cookie to.
    private async Task<SignInResult> CheckAsync(string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>()
            .CheckPasswordSignInAsync(user!, password, lockoutOnFailure: true);
    }

    private async Task<string> AccountAsync(bool confirmed = true)
    {
        var email = $"lockout-{Guid.NewGuid():N}@example.com";
        _ = app.BaseAddress;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, EmailConfirmed = confirmed }, Password)).Succeeded);
        return email;
    }

    private async Task<ApplicationUser> RowAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }
}
