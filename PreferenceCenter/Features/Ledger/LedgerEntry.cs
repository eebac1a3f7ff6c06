using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// One recorded change. Append-only: application code never updates or deletes a row
/// (<see cref="AppendOnlyLedgerGuard"/> and database triggers refuse it), and each row's hash covers the previous one.
/// </summary>
public sealed class LedgerEntry
{
    /// <summary>The actor's reason is stored here, so the bound is the actor's (<see cref="Actor.ReasonMaxLength"/>).</summary>
    public const int ReasonMaxLength = Actor.ReasonMaxLength;

    /// <summary>
    /// The column holds the reason sealed under the customer's key (<see cref="ILedgerTextSealer"/>): base64 of nonce,
    /// up to three UTF-8 bytes per character and tag, plus a prefix. A test keeps this bound above the sealed length.
    /// </summary>
    public const int StoredReasonMaxLength = 2_048;

    public const int ValueMaxLength = 200;

    /// <summary>Gap-free position in the chain (1, 2, 3 …): a deleted row leaves a visible hole.</summary>
    public long Sequence { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public LedgerEventType EventType { get; init; }
    public ActorKind ActorKind { get; init; }
    public required string ActorId { get; init; }
    public Guid? SubjectId { get; init; }
    public ChangeSource Source { get; init; }
    public string? RequestChannel { get; init; }
    public string? Reason { get; init; }
    public int? NoticeVersion { get; init; }
    public string? PurposeKey { get; init; }
    public Channel? Channel { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? Detail { get; init; }
    public required string PreviousHash { get; init; }
    public string Hash { get; private set; } = string.Empty;

    /// <summary>Computes this entry's hash over its canonical form; done once, by the writer.</summary>
    internal void Seal() => Hash = LedgerCanonicalForm.ComputeHash(this);
}
