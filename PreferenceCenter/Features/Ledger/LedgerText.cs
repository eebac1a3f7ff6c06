using System.Text;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Text as SQLite will store it, so that an entry's hash covers what readers read back. Two characters do not survive
/// the trip: a lone surrogate (UTF-8 cannot hold one; the binding stores U+FFFD), and NUL (the binding cuts text longer
/// than 512 UTF-8 bytes at its first NUL, silently; PostgreSQL's text refuses NUL outright, 22021). Both are recorded
/// as U+FFFD, on either store, so hostile text in an entry is neither cut nor a failed write.
/// </summary>
internal static class LedgerText
{
    public static string? AsStored(string? text)
    {
        if (text is null || (!text.Contains('\0', StringComparison.Ordinal) && text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0))
        {
            return text;
        }

        // Encoding.UTF8 replaces a lone surrogate with U+FFFD, as the binding does; a valid pair comes back as it was.
        return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Replace('\0', '\uFFFD');
    }
}
