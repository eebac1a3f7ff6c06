using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>
/// The privacy officer's side of the questions: create, edit, reorder, retire, ask again. Each change is a ledger
/// entry by the officer, in the same transaction. The admin pages require the officer role; so does every caller.
/// </summary>
public sealed class QuestionAdminService(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    public async Task<IReadOnlyList<QuestionSummary>> ListAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var questions = await QuestionQueries.WithTexts(db).OrderBy(q => q.RetiredAt != null).ThenBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(cancellationToken);
        var counts = await db.Answers.GroupBy(a => a.QuestionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var language = culture.TwoLetterISOLanguageName;
        return [.. questions.Select(q => new QuestionSummary(
            q.Id, q.Key, q.Type, LocalizedText.Pick(q.Texts, t => t.Culture, language)?.Prompt ?? q.Key, q.Purpose!.Key,
            q.IsRetired, counts.GetValueOrDefault(q.Id), q.Version))];
    }

    public async Task<QuestionForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var question = await QuestionQueries.WithTexts(db).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null)
        {
            return null;
        }

        var form = new QuestionForm
        {
            Id = question.Id, Key = question.Key, Version = question.Version, Type = question.Type,
            PurposeKey = question.Purpose!.Key, MaxLength = question.MaxLength, IsRetired = question.IsRetired,
        };
        foreach (var text in question.Texts.Where(t => form.Wording.ContainsKey(t.Culture)))
        {
            form.Wording[text.Culture] = new QuestionWording { Prompt = text.Prompt, WhyWeAsk = text.WhyWeAsk };
        }

        foreach (var option in question.Options.OrderBy(o => o.SortOrder))
        {
            var item = form.AddOption();
            item.Key = option.Key;
            foreach (var label in option.Labels.Where(l => item.Labels.ContainsKey(l.Culture)))
            {
                item.Labels[label.Culture] = label.Label;
            }
        }

        return form;
    }

    public async Task<QuestionSaveResult> SaveAsync(QuestionForm form, Actor officer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(officer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var purposes = await db.Purposes.ToDictionaryAsync(p => p.Key, cancellationToken);
        Question? question = null;
        AnsweredQuestion? answered = null;
        if (form.Id is int id)
        {
            question = await db.Questions.Include(q => q.Texts).Include(q => q.Options).ThenInclude(o => o.Labels).Include(q => q.Purpose)
                .AsSplitQuery().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
            if (question is null || question.Version != form.Version)
            {
                return Problem(form.Id, question is null ? QuestionProblemCode.UnknownQuestion : QuestionProblemCode.ChangedElsewhere);
            }

            answered = await AnsweredAsync(db, question, cancellationToken);
        }

        var problems = QuestionRules.Check(form, purposes.Keys.ToHashSet(), answered);
        if (problems.Count > 0)
        {
            return new QuestionSaveResult(form.Id, problems);
        }

        var now = time.GetUtcNowToMillisecond();
        var isNew = question is null;
        if (question is null)
        {
            var taken = (await db.Questions.Select(q => q.Key).ToListAsync(cancellationToken)).ToHashSet();
            var last = await db.Questions.MaxAsync(q => (int?)q.SortOrder, cancellationToken) ?? 0;
            question = db.Questions.Add(new Question
            {
                Key = StableKeys.From(form.Wording[SupportedCultures.Default].Prompt, taken, "question"),
                CreatedAt = now, SortOrder = last + 1,
            }).Entity;
        }

        Apply(question, form, purposes[form.PurposeKey!]);
        question.Version++;
        await ledger.AppendAsync(db, new LedgerDraft(
            isNew ? LedgerEventType.QuestionCreated : LedgerEventType.QuestionChanged, officer, null, ChangeSource.Web,
            PurposeKey: question.Purpose!.Key, After: ((int)question.Type).ToString(CultureInfo.InvariantCulture), Detail: question.Key), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new QuestionSaveResult(question.Id, []);
    }

    /// <summary>Stops asking a question; its answers stay with their customers and in history.</summary>
    public Task<QuestionSaveResult> RetireAsync(int id, int expectedVersion, Actor officer, CancellationToken cancellationToken = default) =>
        SetRetiredAsync(id, expectedVersion, retire: true, officer, cancellationToken);

    /// <summary>Asks a retired question again.</summary>
    public Task<QuestionSaveResult> ReinstateAsync(int id, int expectedVersion, Actor officer, CancellationToken cancellationToken = default) =>
        SetRetiredAsync(id, expectedVersion, retire: false, officer, cancellationToken);

    /// <summary>Swaps a question with its neighbour among the questions still asked.</summary>
    /// <param name="expectedVersion">
    /// The version the officer's list showed; when the question has moved or changed since, nothing moves and the
    /// result says <see cref="QuestionProblemCode.ChangedElsewhere"/>, so a stale list never reorders blindly.
    /// </param>
    public async Task<QuestionSaveResult> MoveAsync(int id, bool up, Actor officer, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var asked = await db.Questions.Include(q => q.Purpose).Where(q => q.RetiredAt == null)
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(cancellationToken);
        var index = asked.FindIndex(q => q.Id == id);
        if (index < 0)
        {
            return Problem(id, QuestionProblemCode.UnknownQuestion);
        }

        if (expectedVersion is int expected && asked[index].Version != expected)
        {
            return Problem(id, QuestionProblemCode.ChangedElsewhere);
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= asked.Count)
        {
            return new QuestionSaveResult(id, []);
        }

        (asked[index], asked[other]) = (asked[other], asked[index]);
        for (var i = 0; i < asked.Count; i++)
        {
            if (asked[i].SortOrder != i + 1)
            {
                asked[i].SortOrder = i + 1;
                asked[i].Version++;
            }
        }

        var moved = asked[other];
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.QuestionsReordered, officer, null, ChangeSource.Web, PurposeKey: moved.Purpose!.Key,
            Before: (index + 1).ToString(CultureInfo.InvariantCulture), After: (other + 1).ToString(CultureInfo.InvariantCulture), Detail: moved.Key), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new QuestionSaveResult(id, []);
    }

    private async Task<QuestionSaveResult> SetRetiredAsync(int id, int expectedVersion, bool retire, Actor officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(officer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var question = await db.Questions.Include(q => q.Purpose).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null || question.Version != expectedVersion)
        {
            return Problem(id, question is null ? QuestionProblemCode.UnknownQuestion : QuestionProblemCode.ChangedElsewhere);
        }

        if (question.IsRetired == retire)
        {
            return new QuestionSaveResult(id, []);
        }

        var now = time.GetUtcNowToMillisecond();
        question.RetiredAt = retire ? now : null;
        if (!retire)
        {
            // Asked again at the end, after the questions asked meanwhile.
            question.SortOrder = (await db.Questions.MaxAsync(q => (int?)q.SortOrder, cancellationToken) ?? 0) + 1;
        }

        question.Version++;
        await ledger.AppendAsync(db, new LedgerDraft(
            retire ? LedgerEventType.QuestionRetired : LedgerEventType.QuestionChanged, officer, null, ChangeSource.Web,
            PurposeKey: question.Purpose!.Key, Before: retire ? "asked" : "retired", After: retire ? "retired" : "asked", Detail: question.Key), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new QuestionSaveResult(id, []);
    }

    private static async Task<AnsweredQuestion?> AnsweredAsync(AppDbContext db, Question question, CancellationToken cancellationToken)
    {
        var choices = await db.Answers.Where(a => a.QuestionId == question.Id).Select(a => a.Choices).ToListAsync(cancellationToken);
        return choices.Count == 0 ? null
            : new AnsweredQuestion(question.Purpose!.Key, question.Type, choices.SelectMany(c => c).ToHashSet());
    }

    private static void Apply(Question question, QuestionForm form, Privacy.Purpose purpose)
    {
        question.Type = form.Type;
        question.PurposeId = purpose.Id;
        question.Purpose = purpose;
        question.MaxLength = form.Type == QuestionType.FreeText ? form.MaxLength : null;
        foreach (var (culture, wording) in form.Wording.Where(w => SupportedCultures.IsSupported(w.Key)))
        {
            var text = question.Texts.FirstOrDefault(t => t.Culture == culture);
            if (text is null)
            {
                question.Texts.Add(new QuestionText { Culture = culture, Prompt = wording.Prompt!.Trim(), WhyWeAsk = wording.WhyWeAsk!.Trim() });
            }
            else
            {
                text.Prompt = wording.Prompt!.Trim();
                text.WhyWeAsk = wording.WhyWeAsk!.Trim();
            }
        }

        var options = form.Type == QuestionType.FreeText ? [] : form.Options;
        question.Options.RemoveAll(o => !options.Any(f => f.Key == o.Key));
        var taken = question.Options.Select(o => o.Key).ToHashSet();
        for (var i = 0; i < options.Count; i++)
        {
            var draft = options[i];
            var option = question.Options.FirstOrDefault(o => o.Key == draft.Key && draft.Key is not null);
            if (option is null)
            {
                var key = StableKeys.From(draft.Labels[SupportedCultures.Default], taken, "option");
                taken.Add(key);
                option = new QuestionOption { Key = key };
                question.Options.Add(option);
            }

            option.SortOrder = i + 1;
            foreach (var (culture, label) in draft.Labels.Where(l => SupportedCultures.IsSupported(l.Key)))
            {
                var existing = option.Labels.FirstOrDefault(l => l.Culture == culture);
                if (existing is null)
                {
                    option.Labels.Add(new QuestionOptionLabel { Culture = culture, Label = label!.Trim() });
                }
                else
                {
                    existing.Label = label!.Trim();
                }
            }
        }
    }

    private static QuestionSaveResult Problem(int? id, QuestionProblemCode code) => new(id, [new QuestionProblem(QuestionFields.Question, code)]);
}
