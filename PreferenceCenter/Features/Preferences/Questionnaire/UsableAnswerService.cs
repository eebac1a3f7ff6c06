using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>
/// What other features call to use zero-party answers. It returns nothing for a purpose the customer has not
/// consented to (or whose consent expired), for questions no longer asked, and for customers who are not active.
/// </summary>
public sealed class UsableAnswerService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, PersonalDataProtector protector)
{
    public async Task<IReadOnlyList<UsableAnswer>> GetAsync(Guid customerId, string purposeKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = await db.Customers.AnyAsync(c => c.Id == customerId && c.Status == CustomerStatus.Active, cancellationToken);
        if (!active || !(await AnswerService.PurposesInUseAsync(db, customerId, time.GetUtcNow(), cancellationToken)).Contains(purposeKey))
        {
            return [];
        }

        var rows = await db.Answers.AsNoTracking()
            .Where(a => a.CustomerId == customerId)
            .Join(db.Questions.Where(q => q.RetiredAt == null && q.Purpose!.Key == purposeKey), a => a.QuestionId, q => q.Id,
                (a, q) => new { q.Key, q.SortOrder, Answer = a })
            .OrderBy(x => x.SortOrder)
            .ToListAsync(cancellationToken);
        await AnswerService.DecryptAsync(protector, customerId, rows.Select(r => r.Answer), cancellationToken);
        return [.. rows.Select(r => new UsableAnswer(r.Key, r.Answer.Choices, r.Answer.Text))];
    }
}
