using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>
/// The customer's zero-party answers: read the form, answer, forget. The ledger records that a question was answered
/// or forgotten, never the answer. Free-text answers are stored encrypted with the customer's key; callers see plaintext.
/// </summary>
public sealed class AnswerService(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time, PersonalDataProtector protector)
{
    // What the ledger says about an answer: that it exists, never what it is.
    private const string Answered = "answered";
    private const string Forgotten = "forgotten";

    public async Task<QuestionnaireView> GetQuestionnaireAsync(Guid customerId, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var answers = await db.Answers.AsNoTracking().Where(a => a.CustomerId == customerId).ToDictionaryAsync(a => a.QuestionId, cancellationToken);
        await DecryptAsync(customerId, answers.Values, cancellationToken);
        var questions = await QuestionQueries.WithTexts(db)
            .Where(q => q.RetiredAt == null || answers.Keys.Contains(q.Id))
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id)
            .ToListAsync(cancellationToken);
        var inUse = await PurposesInUseAsync(db, customerId, time.GetUtcNow(), cancellationToken);
        var language = culture.TwoLetterISOLanguageName;
        var views = questions.Select(q => ToView(q, language, inUse.Contains(q.Purpose!.Key), answers.GetValueOrDefault(q.Id))).ToList();
        return new QuestionnaireView([.. views.Where(v => !v.IsRetired)], [.. views.Where(v => v.IsRetired)]);
    }

    /// <summary>Every question's prompt by key, retired ones included, so history keeps naming what was asked.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetPromptsAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questions = await db.Questions.AsNoTracking().Include(q => q.Texts).ToListAsync(cancellationToken);
        var language = culture.TwoLetterISOLanguageName;
        return questions.ToDictionary(q => q.Key, q => LocalizedText.Pick(q.Texts, t => t.Culture, language)?.Prompt ?? q.Key);
    }

    public async Task<PreferenceChangeResult> AnswerAsync(
        Guid customerId, int questionId, AnswerInput input, int expectedVersion, Actor actor, ChangeSource source,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var problem = await SubjectCheck.CheckAsync(db, customerId, actor, cancellationToken);
        var question = await db.Questions.Include(q => q.Options).Include(q => q.Purpose)
            .FirstOrDefaultAsync(q => q.Id == questionId, cancellationToken);
        problem ??= question is null ? PreferenceProblem.UnknownQuestion : AnswerRules.Check(question, input, out input);
        if (problem is not null)
        {
            return PreferenceChangeResult.Rejected(problem.Value);
        }

        var answer = await db.Answers.FirstOrDefaultAsync(a => a.CustomerId == customerId && a.QuestionId == questionId, cancellationToken);
        using var cipher = answer?.Text is null && input.Text is null ? null : await protector.ForWritingAsync(customerId, cancellationToken);
        if (answer is not null)
        {
            // Compared and replaced as plaintext; sealed again below before anything is saved.
            answer.Text = cipher?.Unprotect(answer.Text);
        }

        if (AnswerRules.SameAs(answer, input))
        {
            return PreferenceChangeResult.Unchanged;
        }

        if ((answer?.Version ?? 0) != expectedVersion)
        {
            return PreferenceChangeResult.Conflict;
        }

        var now = time.GetUtcNowToMillisecond();
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.PreferenceAnswered, actor, customerId, source, PurposeKey: question!.Purpose!.Key,
            Before: answer is null ? null : Answered, After: Answered, Detail: question.Key), cancellationToken);
        answer ??= db.Answers.Add(new Answer { CustomerId = customerId, QuestionId = questionId }).Entity;
        answer.Choices = [.. input.Choices];
        answer.Text = cipher?.Protect(input.Text);
        answer.AnsweredAt = now;
        answer.Version++;
        return await PreferenceWrites.CommitAsync(db, tx, now, cancellationToken);
    }

    /// <summary>Deletes one answer ("forget this answer").</summary>
    public Task<PreferenceChangeResult> ForgetAsync(Guid customerId, int questionId, Actor actor, ChangeSource source, CancellationToken cancellationToken = default) =>
        ForgetWhereAsync(customerId, a => a.QuestionId == questionId, actor, source, cancellationToken);

    /// <summary>Deletes every answer, one ledger entry each, in one transaction.</summary>
    public Task<PreferenceChangeResult> ForgetAllAsync(Guid customerId, Actor actor, ChangeSource source, CancellationToken cancellationToken = default) =>
        ForgetWhereAsync(customerId, _ => true, actor, source, cancellationToken);

    private async Task<PreferenceChangeResult> ForgetWhereAsync(
        Guid customerId, System.Linq.Expressions.Expression<Func<Answer, bool>> which, Actor actor, ChangeSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var problem = await SubjectCheck.CheckAsync(db, customerId, actor, cancellationToken);
        if (problem is not null)
        {
            return PreferenceChangeResult.Rejected(problem.Value);
        }

        var doomed = await db.Answers.Where(a => a.CustomerId == customerId).Where(which)
            .Join(db.Questions.Include(q => q.Purpose), a => a.QuestionId, q => q.Id, (a, q) => new { Answer = a, Question = q })
            .OrderBy(x => x.Question.SortOrder).ThenBy(x => x.Question.Id)
            .ToListAsync(cancellationToken);
        if (doomed.Count == 0)
        {
            return PreferenceChangeResult.Unchanged;
        }

        var now = time.GetUtcNowToMillisecond();
        foreach (var item in doomed)
        {
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.PreferenceAnswerForgotten, actor, customerId, source, PurposeKey: item.Question.Purpose!.Key,
                Before: Answered, After: Forgotten, Detail: item.Question.Key), cancellationToken);
            db.Answers.Remove(item.Answer);
        }

        return await PreferenceWrites.CommitAsync(db, tx, now, cancellationToken);
    }

    /// <summary>Replaces each sealed free-text answer with its plaintext, with one key read for the customer.</summary>
    internal static async Task DecryptAsync(PersonalDataProtector protector, Guid customerId, IEnumerable<Answer> answers, CancellationToken cancellationToken)
    {
        var sealedAnswers = answers.Where(a => a.Text is not null).ToList();
        if (sealedAnswers.Count == 0)
        {
            return;
        }

        using var cipher = await protector.ForReadingAsync(customerId, cancellationToken)
            ?? throw new PersonalDataUnreadableException($"Customer {customerId} has answers but no key.");
        foreach (var answer in sealedAnswers)
        {
            answer.Text = cipher.Unprotect(answer.Text);
        }
    }

    private Task DecryptAsync(Guid customerId, IEnumerable<Answer> answers, CancellationToken cancellationToken) =>
        DecryptAsync(protector, customerId, answers, cancellationToken);

    /// <summary>Purposes whose answers may be used now: those not based on consent, and those with a consent on some channel.</summary>
    internal static async Task<HashSet<string>> PurposesInUseAsync(AppDbContext db, Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        var consents = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customerId && c.State == ConsentState.Granted).ToListAsync(cancellationToken);
        return [.. purposes
            .Where(p => !p.AsksForConsent || consents.Any(c => c.PurposeId == p.Id && ConsentRules.IsOn(c, now)))
            .Select(p => p.Key)];
    }

    private static QuestionView ToView(Question question, string language, bool inUse, Answer? answer)
    {
        var text = LocalizedText.Pick(question.Texts, t => t.Culture, language);
        var options = question.Options.OrderBy(o => o.SortOrder)
            .Select(o => new OptionView(o.Key, LocalizedText.Pick(o.Labels, l => l.Culture, language)?.Label ?? o.Key))
            .ToList();
        return new QuestionView(
            question.Id, question.Key, question.Type, text?.Prompt ?? question.Key, text?.WhyWeAsk ?? string.Empty, options,
            question.MaxLength ?? Question.FreeTextLimit, question.Purpose!.Key, inUse, question.IsRetired,
            answer is null ? null : new AnswerView(answer.Choices, answer.Text, answer.AnsweredAt, answer.Version));
    }
}
