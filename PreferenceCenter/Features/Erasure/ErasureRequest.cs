namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// A customer's request to be forgotten. It holds no personal data (the customer by pseudonymous id only), so it
/// outlives the erasure it asks for and shows the officer, and any auditor, that the request was honoured in time.
/// </summary>
public sealed class ErasureRequest
{
    public int Id { get; init; }
    public Guid CustomerId { get; init; }
    public ErasureState State { get; set; } = ErasureState.Requested;
    public DateTimeOffset RequestedAt { get; init; }
    /// <summary>When the request must be honoured; moved later only by an extension (<see cref="DeadlineExtendedAt"/>).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>When the officer extended the deadline (Art. 12(3) GDPR: once, by up to two months); null if never.</summary>
    public DateTimeOffset? DeadlineExtendedAt { get; set; }

    /// <summary>Why, in the officer's words: the customer is told it by email.</summary>
    public string? DeadlineExtensionReason { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The officer's account id (approve or reject), as in the ledger.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>Why it was refused, in the officer's words; the customer reads it on the page and in the email.</summary>
    public string? RejectionReason { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? ExecutionStartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The language the customer asked in: every email about this request is written in it.</summary>
    public required string Culture { get; init; }
    public int Version { get; set; }
}
