using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.History;

/// <summary>One ledger entry as its subject may see it; <paramref name="ApiClientName"/> names the system when an API client made it.</summary>
public sealed record HistoryItem(
    long Sequence, DateTimeOffset OccurredAt, LedgerEventType EventType, ActorKind ActorKind, ChangeSource Source,
    string? PurposeKey, Channel? Channel, string? Reason, string? RequestChannel, int? NoticeVersion, string? After = null, string? Before = null, string? Detail = null,
    string? ApiClientName = null)
{
    /// <summary>The API client's id as the ledger records it, for naming it; null for every other actor.</summary>
    public string? ApiClientActorId { get; init; }
}
