using System.Globalization;
using System.Text.RegularExpressions;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// An entry's sequence and hash, written down outside the database (a ticket, a mail to the DPO). Checking it later
/// proves that no entry up to it was removed or rewritten — the one tampering a chain cannot show by itself:
/// cutting entries off the end.
/// </summary>
public sealed partial record LedgerAnchor(long Sequence, string Hash)
{
    public override string ToString() => $"{Sequence.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    public static bool TryParse(string? text, out LedgerAnchor? anchor)
    {
        var match = Format().Match(text ?? string.Empty);
        anchor = match.Success
            ? new LedgerAnchor(long.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture), match.Groups["hash"].Value.ToLowerInvariant())
            : null;
        return anchor is not null;
    }

    [GeneratedRegex("^(?<seq>[1-9][0-9]{0,17}):(?<hash>[0-9a-fA-F]{64})$")]
    private static partial Regex Format();
}
