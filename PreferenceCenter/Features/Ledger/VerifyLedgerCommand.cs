namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// <c>dotnet run --project PreferenceCenter -- verify-ledger [--anchor N:HASH]</c>: exit 0 when the chain verifies
/// (printing the head to keep as the next anchor), 1 naming the first bad entry, 2 for a malformed anchor.
/// </summary>
public static class VerifyLedgerCommand
{
    public const string Name = "verify-ledger";

    public static bool IsRequested(string[] args) =>
        args.Any(a => a.TrimStart('-').Equals(Name, StringComparison.OrdinalIgnoreCase));

    public const string AnchorOption = "--anchor";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var at = Array.IndexOf(args, AnchorOption);
        LedgerAnchor? anchor = null;
        if (at >= 0 && !LedgerAnchor.TryParse(at + 1 < args.Length ? args[at + 1] : null, out anchor))
        {
            await output.WriteLineAsync($"Usage: {Name} [{AnchorOption} N:HASH] — an anchor is an entry number, a colon and its 64-character hash, as printed by an earlier run.");
            return 2;
        }

        var result = await services.GetRequiredService<LedgerVerifier>().VerifyAsync(anchor);
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"Ledger verified: all {result.EntriesChecked} entries are intact{(anchor is null ? "" : $", including the anchored entry {anchor.Sequence}")}.");
            if (result.Head is not null)
            {
                await output.WriteLineAsync($"Head: {result.Head}  (keep this outside the database; '{Name} {AnchorOption} {result.Head}' later proves nothing up to it was removed or changed)");
            }

            return 0;
        }

        await output.WriteLineAsync(
            $"Ledger verification FAILED at entry {result.FirstBadSequence}: {result.Problem}. {result.EntriesChecked} entries before it verified.");
        return 1;
    }
}
