using Microsoft.AspNetCore.Authorization;

namespace PreferenceCenter.Features.Accounts;

public static class Policies
{
    /// <summary>A signed-in customer with a customer record: the only one who may see their own consents.</summary>
    public const string Customer = "Customer";
    public const string SupportAgent = "SupportAgent";
    public const string PrivacyOfficer = "PrivacyOfficer";

    /// <summary>Signed in with a password, not through an emailed "manage your preferences" link (<see cref="CustomerClaims.SignedInByEmailLink"/>).</summary>
    public const string PasswordSignIn = "PasswordSignIn";

    public static void Register(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Customer, p => p.RequireRole(Roles.Customer).RequireClaim(CustomerClaims.CustomerId));
        // The officer can do everything support can. Staff reach customers' data, so they sign in with two factors.
        options.AddPolicy(SupportAgent, p => p.RequireRole(Roles.Support, Roles.PrivacyOfficer).AddRequirements(new StaffTwoFactorRequirement()));
        options.AddPolicy(PrivacyOfficer, p => p.RequireRole(Roles.PrivacyOfficer).AddRequirements(new StaffTwoFactorRequirement()));
        // A requirement that is its own handler: AuthorizationHandler's default handler evaluates it.
        options.AddPolicy(PasswordSignIn, p => p.RequireAuthenticatedUser().AddRequirements(new PasswordSignInRequirement()));
    }
}
