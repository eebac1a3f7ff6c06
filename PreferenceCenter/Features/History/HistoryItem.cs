using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.History;

/// <summary>One ledger entry as its subject may see it.</summary>
public sealed record HistoryItem(
    long Sequence, DateTimeOffset OccurredAt, LedgerEventType EventType, ActorKind ActorKind, ChangeSource Source,
    string? PurposeKey, Channel? Channel, string? Reason, string? RequestChannel, int? NoticeVersion, string? After = null, string? Before = null, string? Detail = null);
