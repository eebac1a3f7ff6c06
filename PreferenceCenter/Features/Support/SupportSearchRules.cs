using System.Net.Mail;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Support;

/// <summary>
/// Turns what the agent typed into one complete identifier, or says why not. Only a whole email address, a whole
/// phone number or a whole customer reference finds anyone: the console is not a way to browse customers.
/// </summary>
public static class SupportSearchRules
{
    /// <summary>Digits a phone number needs at least to point at one line (E.164 allows up to 15).</summary>
    public const int MinimumPhoneDigits = 8;
    public const int MaximumPhoneDigits = 15;
    public const int MaximumLength = 254;

    private const string WildcardCharacters = "*%?_";

    public static (SupportIdentifier? Identifier, SupportProblem? Problem) Parse(string? typed)
    {
        var value = typed?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return (null, SupportProblem.EmptySearch);
        }

        if (value.Length > MaximumLength)
        {
            return (null, SupportProblem.PartialIdentifier);
        }

        if (value.Any(c => WildcardCharacters.Contains(c, StringComparison.Ordinal)) && !IsEmail(value))
        {
            return (null, SupportProblem.Wildcard);
        }

        if (value.Contains('@', StringComparison.Ordinal))
        {
            return IsEmail(value) ? (new SupportIdentifier(SupportIdentifierKind.Email, value), null) : (null, SupportProblem.PartialIdentifier);
        }

        if (value.StartsWith(CustomerReference.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            var reference = value.ToUpperInvariant();
            return CustomerReference.IsWellFormed(reference)
                ? (new SupportIdentifier(SupportIdentifierKind.Reference, reference), null)
                : (null, SupportProblem.PartialIdentifier);
        }

        var phone = PhoneNumberText.Normalize(value);
        var digits = phone?.TrimStart('+').Length ?? 0;
        return digits is >= MinimumPhoneDigits and <= MaximumPhoneDigits
            ? (new SupportIdentifier(SupportIdentifierKind.Phone, phone!), null)
            : (null, SupportProblem.PartialIdentifier);
    }

    // A whole address: something before the @, and a domain with a dot and something after it. No wildcards in it:
    // '_' is legal in a local part, but '*', '%' and '?' in an address typed to support are a pattern, not a person.
    private static bool IsEmail(string value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || value.IndexOfAny(['*', '%', '?', ' ']) >= 0)
        {
            return false;
        }

        var domain = value[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value;
    }
}
