using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Seals typed text in ledger entries (support reasons, reveal justifications) with the customer's own key, like the
/// rest of their data: after erasure it reads as nothing, while the chain's hashes, taken over the sealed text, still verify.
/// </summary>
public sealed class LedgerTextSealer(PersonalDataProtector protector) : ILedgerTextSealer
{
    public async Task<string> SealAsync(Guid subjectId, string text, CancellationToken cancellationToken = default) =>
        (await protector.ProtectAsync(subjectId, text, cancellationToken))!;
}
