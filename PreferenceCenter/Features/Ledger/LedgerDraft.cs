using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Ledger;

/// <summary>What a service wants recorded; the writer adds sequence, time and hashes.</summary>
public sealed record LedgerDraft(
    LedgerEventType EventType,
    Actor Actor,
    Guid? SubjectId,
    ChangeSource Source,
    int? NoticeVersion = null,
    string? PurposeKey = null,
    Channel? Channel = null,
    string? Before = null,
    string? After = null,
    string? Detail = null);
