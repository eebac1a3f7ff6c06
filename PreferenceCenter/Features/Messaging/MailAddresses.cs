using System.Globalization;
using MimeKit;

namespace PreferenceCenter.Features.Messaging;

/// <summary>
/// The one rule for an email address this app accepts: what the mail library will send to, exactly as typed. The
/// framework's own check only wants one <c>@</c> somewhere, so "A b@example.com" passed it, became an account, and
/// then failed every email.
/// </summary>
public static class MailAddresses
{
    /// <summary>RFC 5321's limit on a forward path, under the column's own.</summary>
    public const int MaxLength = 254;

    /// <summary>The mailbox to send to, or null when <paramref name="text"/> is not one plain address.</summary>
    public static MailboxAddress? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(IsHidden) || text.Count(c => c == '@') != 1)
        {
            return null;
        }

        // Only an address, as typed: no display name, no angle brackets, no route, nothing the parser had to tidy.
        return MailboxAddress.TryParse(ParserOptions.Default, text, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name) && mailbox.Route.Count == 0 && mailbox.Address == text
            && mailbox.LocalPart.Length > 0 && mailbox.Domain.Length > 0
                ? mailbox
                : null;
    }

    public static bool IsDeliverable(string? text) => TryParse(text) is not null;

    // Spaces, control characters and invisible ones (zero-width, direction overrides): never part of an address a person means.
    private static bool IsHidden(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned;
}
