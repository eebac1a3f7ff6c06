using System.Globalization;
using PreferenceCenter.Features.Api.Decisions;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// Checks a batch's items and names each bad one by its index (<c>items[3]</c>), never by its value: the caller has
/// the value, and a hostile one is not worth echoing.
/// </summary>
public static class SuppressionCheckRules
{
    public const int ItemMaxLength = DecisionRequestRules.EmailMaxLength;

    /// <summary>E.164 allows 15 digits; fewer than 6 is no one's number.</summary>
    public const int PhoneMinDigits = 6;
    public const int PhoneMaxDigits = 15;

    /// <summary>A batch of bad items names this many; the rest are counted, so a 400 stays small.</summary>
    public const int MaxNamedErrors = 100;

    public static IReadOnlyList<CheckedItem> Check(IReadOnlyList<string?> items, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(errors);
        var checkedItems = new List<CheckedItem>(items.Count);
        var bad = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (Read(items[i]) is { } item)
            {
                checkedItems.Add(item);
            }
            else if (++bad <= MaxNamedErrors)
            {
                errors[string.Create(CultureInfo.InvariantCulture, $"items[{i}]")] =
                    [$"Not an email address (an @, at most {ItemMaxLength} characters) or a phone number ({PhoneMinDigits} to {PhoneMaxDigits} digits; +, spaces, dashes, dots and brackets allowed)."];
            }
        }

        if (bad > MaxNamedErrors)
        {
            errors["items"] = [$"{bad} items are malformed; the first {MaxNamedErrors} are named."];
        }

        return checkedItems;
    }

    private static CheckedItem? Read(string? raw)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > ItemMaxLength || value.Any(char.IsControl))
        {
            return null;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return at > 0 && at < value.Length - 1 ? new CheckedItem(SuppressedContact.Email, value) : null;
        }

        var digits = value.Count(char.IsAsciiDigit);
        var wellFormed = value.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+')
            && value.LastIndexOf('+') <= 0 && digits is >= PhoneMinDigits and <= PhoneMaxDigits;
        return wellFormed ? new CheckedItem(SuppressedContact.Phone, value) : null;
    }
}
