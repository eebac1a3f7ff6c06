namespace PreferenceCenter.Features.Ledger;

/// <summary><c>dotnet run --project PreferenceCenter -- verify-ledger</c>: exit 0 when the chain verifies, 1 naming the first bad entry.</summary>
public static class VerifyLedgerCommand
{
    public const string Name = "verify-ledger";

    public static bool IsRequested(string[] args) =>
        args.Any(a => a.TrimStart('-').Equals(Name, StringComparison.OrdinalIgnoreCase));

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var result = await services.GetRequiredService<LedgerVerifier>().VerifyAsync();
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"Ledger verified: all {result.EntriesChecked} entries are intact.");
            return 0;
        }

        await output.WriteLineAsync(
            $"Ledger verification FAILED at entry {result.FirstBadSequence}: {result.Problem}. {result.EntriesChecked} entries before it verified.");
        return 1;
    }
}
