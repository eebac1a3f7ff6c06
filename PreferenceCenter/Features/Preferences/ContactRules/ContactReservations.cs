using PreferenceCenter.Infrastructure.Batching;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// Group commit for reservations (ADR 0005's writer, for senders): a burst of "may we, and count it" calls shares one
/// transaction through <see cref="ContactDecisionService.ReserveManyAsync"/>, in arrival order; each caller is answered
/// only after the batch holding its reservation committed.
/// </summary>
public sealed class ContactReservations(ContactDecisionService decisions, ILogger<ContactReservations> logger)
    : GroupCommitWriter<ContactQuestion, ContactDecision>(logger)
{
    public Task<ContactDecision> ReserveAsync(ContactQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        return EnqueueAsync(question, cancellationToken);
    }

    protected override Task<IReadOnlyList<ContactDecision>> CommitAsync(IReadOnlyList<ContactQuestion> items, CancellationToken cancellationToken) =>
        decisions.ReserveManyAsync(items, cancellationToken);
}
