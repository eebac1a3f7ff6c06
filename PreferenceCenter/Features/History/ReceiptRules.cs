using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.History;

/// <summary>
/// What a receipt covers and when it goes. A session of changes is a run of the customer's changes with no gap
/// longer than the quiet period; it has ended (and its receipt is due) once the quiet period has passed after its
/// last change. The email and the download from /history use the same rule, so they list the same changes.
/// </summary>
public static class ReceiptRules
{
    /// <summary>Where /history downloads a change's receipt (the endpoint is <c>Features/Receipts</c>'), relative to the base.</summary>
    public const string DownloadPath = "history/receipt";

    public static string DownloadHref(long sequence) => FormattableString.Invariant($"{DownloadPath}/{sequence}");

    /// <summary>The changes a customer makes to what they agreed to; reminders, expiries and the receipts themselves are not.</summary>
    public static readonly IReadOnlyList<LedgerEventType> Changes =
    [
        LedgerEventType.ConsentGranted, LedgerEventType.ConsentWithdrawn, LedgerEventType.ConsentPendingConfirmation,
        LedgerEventType.ConsentConfirmed, LedgerEventType.ConsentRenewed, LedgerEventType.GlobalPrivacyControlOverridden,
        LedgerEventType.AllConsentsWithdrawn, LedgerEventType.WithdrawAllUndone,
        LedgerEventType.PreferenceAnswered, LedgerEventType.PreferenceAnswerForgotten, LedgerEventType.ContactFrequencyChanged,
        LedgerEventType.ContactPaused, LedgerEventType.ContactPauseLifted, LedgerEventType.PreferredLanguageChanged,
    ];

    /// <summary>Made by the customer, or by our staff at their request; not by a system or a job.</summary>
    public static readonly IReadOnlyList<ActorKind> Actors = [ActorKind.Customer, ActorKind.Staff];

    public static bool Covers(LedgerEventType type, ActorKind actor) => Changes.Contains(type) && Actors.Contains(actor);

    /// <summary>Splits changes (oldest first) into sessions: a gap longer than <paramref name="quiet"/> starts a new one.</summary>
    public static IReadOnlyList<IReadOnlyList<ReceiptLine>> Sessions(IReadOnlyList<ReceiptLine> changes, TimeSpan quiet)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var sessions = new List<IReadOnlyList<ReceiptLine>>();
        List<ReceiptLine>? current = null;
        foreach (var line in changes)
        {
            if (current is null || line.OccurredAt - current[^1].OccurredAt > quiet)
            {
                current = [];
                sessions.Add(current);
            }

            current.Add(line);
        }

        return sessions;
    }

    /// <summary>True once <paramref name="quiet"/> has passed after the session's last change with nothing further.</summary>
    public static bool HasEnded(IReadOnlyList<ReceiptLine> session, DateTimeOffset now, TimeSpan quiet)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Count > 0 && session[^1].OccurredAt + quiet <= now;
    }

    /// <summary>The session that holds the change numbered <paramref name="sequence"/>, or null when none does.</summary>
    public static IReadOnlyList<ReceiptLine>? SessionOf(IReadOnlyList<ReceiptLine> changes, long sequence, TimeSpan quiet) =>
        Sessions(changes, quiet).FirstOrDefault(s => s.Any(l => l.Sequence == sequence));
}
