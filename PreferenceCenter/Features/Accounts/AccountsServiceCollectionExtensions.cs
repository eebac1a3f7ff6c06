using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using PreferenceCenter.Components.Account;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;

namespace Microsoft.Extensions.DependencyInjection;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization(Policies.Register);
        // The security stamp check rebuilds the principal every half hour; a session opened from an emailed link stays one.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = EmailLinkSession.CarryOver);
        // The same check, but Identity's services are resolved only when it is due (what an open page holds, issue 19).
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme,
            o => o.Events.OnValidatePrincipal = SecurityStampCheckWhenDue.ValidatePrincipalAsync);
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        services.AddSingleton<IAuthorizationHandler, StaffTwoFactorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffTwoFactorRedirect>();

        // Identity's stores take a scoped context; it comes from the same factory the features use.
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddIdentityCore<ApplicationUser>(IdentitySettings.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            // UserName and Email sealed with the account's own key (ADR 0004); needs AddPersonalData's AccountSealer.
            .AddUserStore<SealedUserStore>()
            // Lockout counted atomically, and the same password work for unknown addresses (ADR 0011).
            .AddUserManager<AccountUserManager>()
            .AddSignInManager<AccountSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CustomerClaimsPrincipalFactory>();

        services.AddAccountLockout();
        services.AddSingleton<CustomerAccounts>();
        services.AddScoped<DevelopmentSeeder>();
        return services;
    }

    /// <summary>The atomic lockout and the password work for unknown addresses; re-authentication (erasure) uses them too.</summary>
    public static IServiceCollection AddAccountLockout(this IServiceCollection services)
    {
        services.AddSingleton<LockoutCounter>();
        services.AddSingleton<UnknownAccountPassword>();
        services.AddSingleton<PasswordAttempts>();
        return services;
    }
}
