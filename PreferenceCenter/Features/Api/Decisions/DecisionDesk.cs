using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>
/// The API's side of "may we contact them?": checks the questions, finds the subjects and asks
/// <see cref="ContactDecisionService"/>, the same service and rules every sender in the app uses.
/// </summary>
public sealed class DecisionDesk(SubjectResolver subjects, ContactDecisionService decisions, ContactReservations reservations)
{
    /// <summary>
    /// One question or a batch, on the request's context (<see cref="ApiRequestDatabase"/>): one statement per purpose
    /// and channel asked about (<see cref="ContactDecisionService.DecideByReferenceAsync"/>), plus two when addresses are
    /// named. Whether each purpose is published comes from the same statement; a sender asks before every send.
    /// </summary>
    /// <param name="prefix">How the caller's fields are named in errors: "" for one question, "items[3]." in a batch.</param>
    public async Task<DecisionOutcome> AskAsync(
        IReadOnlyList<DecisionRequest?> requests, Func<int, string> prefix, ApiRequestDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(database);
        var db = await database.GetAsync(cancellationToken);
        var (questions, errors) = Check(requests, prefix, _ => true);
        if (errors is not null)
        {
            // Name every wrong field at once, unpublished purposes included, so one 400 is enough to fix the call.
            var published = await PublishedKeysAsync(db, cancellationToken);
            return new DecisionOutcome(null, Check(requests, prefix, published.Contains).Errors);
        }

        var referenced = await subjects.ResolveAsync(db, questions, cancellationToken);
        var answers = new DecisionAnswer[questions.Count];
        var unpublished = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in Enumerable.Range(0, questions.Count).GroupBy(i => (questions[i].PurposeKey, questions[i].Channel)))
        {
            var decided = await decisions.DecideByReferenceAsync(
                db, group.Key.PurposeKey, group.Key.Channel, [.. group.Select(i => referenced[i])], cancellationToken);
            foreach (var (i, n) in group.Select((i, n) => (i, n)))
            {
                if (decided is null)
                {
                    DecisionRequestRules.UnknownPurpose(prefix(i), group.Key.PurposeKey, unpublished);
                }
                else
                {
                    answers[i] = Answer(questions[i], decided[n]);
                }
            }
        }

        return unpublished.Count == 0 ? new DecisionOutcome(answers, null) : new DecisionOutcome(null, unpublished);
    }

    /// <summary>
    /// Decides one question and, when allowed for a purpose limited by contact rules, records the contact in the same
    /// transaction (<see cref="ContactReservations"/>, in arrival order): of two senders racing for one weekly slot, one wins.
    /// </summary>
    public async Task<DecisionOutcome> ReserveAsync(DecisionRequest? request, ApiRequestDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var db = await database.GetAsync(cancellationToken);
        var published = await PublishedKeysAsync(db, cancellationToken);
        var (questions, errors) = Check([request], _ => string.Empty, published.Contains);
        if (errors is not null)
        {
            return new DecisionOutcome(null, errors);
        }

        var question = questions[0];
        var subject = (await subjects.ResolveAsync(db, questions, cancellationToken))[0];
        var customerId = subject.Reference is null ? (Guid?)null
            : await db.Customers.Where(c => c.Reference == subject.Reference).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (customerId is null)
        {
            // A subject nobody is has nothing to reserve: answer it as /decisions would, on this request's context.
            var decided = await decisions.DecideByReferenceAsync(db, question.PurposeKey, question.Channel, [subject], cancellationToken);
            return new DecisionOutcome([Answer(question, decided![0])], null);
        }

        // The group commit may wait for a batch to fill; no one else should wait for this request's reads meanwhile.
        await database.ReleaseAsync();
        var decision = await reservations.ReserveAsync(
            new ContactQuestion(customerId, question.Channel, question.PurposeKey, subject.AddressSuppressed), cancellationToken);
        return new DecisionOutcome([Answer(question, decision)], null);
    }

    private static (IReadOnlyList<DecisionQuestion> Questions, IDictionary<string, string[]>? Errors) Check(
        IReadOnlyList<DecisionRequest?> requests, Func<int, string> prefix, Func<string, bool> isPublished)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var questions = new List<DecisionQuestion>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            if (DecisionRequestRules.Check(requests[i], prefix(i), isPublished, errors) is { } question)
            {
                questions.Add(question);
            }
        }

        return errors.Count == 0 ? (questions, null) : (questions, errors);
    }

    private static async Task<HashSet<string>> PublishedKeysAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Purposes.Select(p => p.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    private static DecisionAnswer Answer(DecisionQuestion question, ContactDecision decision) => new(
        question.Reference, question.PurposeKey, ApiNames.Of(question.Channel), decision.Allowed, DecisionReasons.Of(decision.Reason),
        decision.NotBefore == DateTimeOffset.MinValue ? null : decision.NotBefore);
}
