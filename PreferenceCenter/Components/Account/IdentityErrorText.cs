using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Components.Account;

/// <summary>Identity's own error descriptions are English only: these put them in the reader's language by error code.</summary>
internal static class IdentityErrorText
{
    /// <summary>One status line, "Error: …", listing every error.</summary>
    public static string Describe(this IStringLocalizer<AccountResource> text, IEnumerable<IdentityError> errors, PasswordOptions password)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(password);
        return text["Status.ErrorWithDetails", string.Join(" ", errors.Select(e => Describe(text, e, password)).Distinct())];
    }

    private static string Describe(IStringLocalizer<AccountResource> text, IdentityError error, PasswordOptions password)
    {
        object[] arguments = error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => [password.RequiredLength],
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => [password.RequiredUniqueChars],
            _ => [],
        };
        var localized = text["IdentityError." + error.Code, arguments];
        return localized.ResourceNotFound ? error.Description : localized.Value;
    }
}
