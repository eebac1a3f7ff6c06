using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

internal static class QuestionQueries
{
    /// <summary>Questions with every text, option, label and purpose, read-only, in separate queries (no cartesian blow-up).</summary>
    public static IQueryable<Question> WithTexts(AppDbContext db) => db.Questions.AsNoTracking()
        .Include(q => q.Texts)
        .Include(q => q.Options).ThenInclude(o => o.Labels)
        .Include(q => q.Purpose)
        .AsSplitQuery();
}
