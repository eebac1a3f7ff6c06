using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// One accepted import file and its progress. The file is kept sealed (<see cref="Payload"/>) until the run completes,
/// so a restart can read it again; <see cref="ProcessedThroughLine"/> moves with each chunk, in the chunk's own
/// transaction, so it always names the last line whose writes are committed.
/// </summary>
public sealed class ImportRun
{
    public const int FileNameMaxLength = 200;

    public Guid Id { get; init; }
    public required string FileName { get; init; }

    /// <summary>SHA-256 of the file as uploaded, hex.</summary>
    public required string FileHash { get; init; }
    public ActorKind ActorKind { get; init; }
    public required string ActorId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public ImportRunState State { get; set; }
    public byte[]? Payload { get; set; }
    public int TotalRows { get; init; }
    public int ProcessedRows { get; set; }
    public int ProcessedThroughLine { get; set; }

    /// <summary>Consents written (new or changed).</summary>
    public int Written { get; set; }

    /// <summary>Rows that changed nothing: already so, or older than the customer's current choice.</summary>
    public int Unchanged { get; set; }

    /// <summary>Rows a run had already written (this file before, or another with the same rows).</summary>
    public int AlreadyImported { get; set; }

    /// <summary>Rows refused because the address is on the suppression list (an erased customer's).</summary>
    public int Suppressed { get; set; }

    /// <summary>Rows the consent rules refused (e.g. the customer's account is being erased).</summary>
    public int Refused { get; set; }
    public int CustomersCreated { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public Actor Actor => new(ActorKind, ActorId);
}
