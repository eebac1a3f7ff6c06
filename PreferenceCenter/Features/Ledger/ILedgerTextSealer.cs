namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Seals the free text a person typed about a customer (a support agent's reason, a reveal's justification) under
/// that customer's own key before it enters the chain, so erasing the customer (destroying the key) leaves it
/// unreadable. The hash covers the sealed text as stored, so the chain still verifies without any key. Implemented
/// by the personal-data feature, which owns the keys; the ledger only knows this seam.
/// </summary>
public interface ILedgerTextSealer
{
    Task<string> SealAsync(Guid subjectId, string text, CancellationToken cancellationToken = default);
}
