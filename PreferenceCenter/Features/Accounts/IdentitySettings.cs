using Microsoft.AspNetCore.Identity;

namespace PreferenceCenter.Features.Accounts;

/// <summary>Identity's options, in one place: the app's container and standalone contexts both use them.</summary>
public static class IdentitySettings
{
    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SignIn.RequireConfirmedAccount = true;
        options.User.RequireUniqueEmail = true;
        // The user name is always the email address, already checked as one. Identity's default alphabet (ASCII
        // letters, digits, "-._@+") would refuse real addresses such as josé@example.es or info@müller.de.
        options.User.AllowedUserNameCharacters = string.Empty;
        // Lockout applies to everyone: five wrong passwords, then a quarter of an hour.
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
    }
}
