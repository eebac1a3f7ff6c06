using PreferenceCenter.Data;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Retention;

/// <summary>
/// <see cref="RetentionRules"/> as one query, so the preview counts exactly what the job deletes and neither reads a
/// customer's consents row by row: customers holding answers for the purpose, with at least one consent to it and
/// none that is on, pending, or ended less than the purpose's days ago.
/// </summary>
internal static class RetentionQuery
{
    public static IQueryable<Guid> DueCustomers(AppDbContext db, Purpose purpose, DateTimeOffset now)
    {
        var cutoff = now.AddDays(-(purpose.RetentionAfterEndDays ?? 0));
        var consents = db.Consents.Where(c => c.PurposeId == purpose.Id);
        return Answers(db, purpose).Select(a => a.CustomerId).Distinct()
            .Where(id => consents.Any(c => c.CustomerId == id))
            .Where(id => !consents.Any(c => c.CustomerId == id && (
                c.State == ConsentState.PendingConfirmation
                || (c.State == ConsentState.Withdrawn && c.ChangedAt > cutoff)
                || (c.State == ConsentState.Granted && (c.ExpiresAt == null || c.ExpiresAt > cutoff)))));
    }

    /// <summary>The answers held for the purpose: those to its questions, retired ones included.</summary>
    public static IQueryable<Preferences.Questionnaire.Answer> Answers(AppDbContext db, Purpose purpose)
    {
        var questions = db.Questions.Where(q => q.PurposeId == purpose.Id).Select(q => q.Id);
        return db.Answers.Where(a => questions.Contains(a.QuestionId));
    }

    /// <summary>Purposes the job looks at: consent-based, with a period set.</summary>
    public static IQueryable<Purpose> Governed(AppDbContext db) =>
        db.Purposes.Where(p => p.LegalBasis == LegalBasis.Consent && p.RetentionAfterEndDays != null).OrderBy(p => p.SortOrder);
}
