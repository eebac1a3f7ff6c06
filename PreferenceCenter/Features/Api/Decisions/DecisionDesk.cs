using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>
/// The API's side of "may we contact them?": checks the questions, finds the subjects and asks
/// <see cref="ContactDecisionService"/>, the same service and rules every sender in the app uses.
/// </summary>
public sealed class DecisionDesk(
    IDbContextFactory<AppDbContext> dbFactory, SubjectResolver subjects, ContactDecisionService decisions, ContactReservations reservations)
{
    /// <param name="prefix">How the caller's fields are named in errors: "" for one question, "items[3]." in a batch.</param>
    public async Task<DecisionOutcome> AskAsync(IReadOnlyList<DecisionRequest?> requests, Func<int, string> prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(prefix);
        var (checkedQuestions, errors) = await CheckAsync(requests, prefix, cancellationToken);
        if (errors is not null)
        {
            return new DecisionOutcome(null, errors);
        }

        var questions = await subjects.ResolveAsync(checkedQuestions, cancellationToken);
        var answers = await decisions.DecideManyAsync(questions, cancellationToken);
        return new DecisionOutcome([.. checkedQuestions.Select((q, i) => Answer(q, answers[i]))], null);
    }

    /// <summary>
    /// Decides one question and, when allowed for a purpose limited by contact rules, records the contact in the same
    /// transaction (<see cref="ContactReservations"/>, in arrival order): of two senders racing for one weekly slot, one wins.
    /// </summary>
    public async Task<DecisionOutcome> ReserveAsync(DecisionRequest? request, CancellationToken cancellationToken)
    {
        var (checkedQuestions, errors) = await CheckAsync([request], _ => string.Empty, cancellationToken);
        if (errors is not null)
        {
            return new DecisionOutcome(null, errors);
        }

        var question = (await subjects.ResolveAsync(checkedQuestions, cancellationToken))[0];
        // Reservations of a burst are group-committed; a subject nobody is has nothing to reserve.
        var decision = question.CustomerId is not null
            ? await reservations.ReserveAsync(question, cancellationToken)
            : (await decisions.DecideManyAsync([question], cancellationToken))[0];
        return new DecisionOutcome([Answer(checkedQuestions[0], decision)], null);
    }

    private async Task<(IReadOnlyList<DecisionQuestion> Questions, IDictionary<string, string[]>? Errors)> CheckAsync(
        IReadOnlyList<DecisionRequest?> requests, Func<int, string> prefix, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var purposeKeys = (await db.Purposes.Select(p => p.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var questions = new List<DecisionQuestion>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            if (DecisionRequestRules.Check(requests[i], prefix(i), purposeKeys, errors) is { } question)
            {
                questions.Add(question);
            }
        }

        return errors.Count == 0 ? (questions, null) : (questions, errors);
    }

    private static DecisionAnswer Answer(DecisionQuestion question, ContactDecision decision) => new(
        question.Reference, question.PurposeKey, ApiNames.Of(question.Channel), decision.Allowed, DecisionReasons.Of(decision.Reason),
        decision.NotBefore == DateTimeOffset.MinValue ? null : decision.NotBefore);
}
