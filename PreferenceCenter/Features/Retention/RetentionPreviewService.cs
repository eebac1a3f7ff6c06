using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Retention;

/// <summary>What the retention job would delete if it ran now, per consent-based purpose: counts only, never who.</summary>
public sealed class RetentionPreviewService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<IReadOnlyList<RetentionPreview>> PreviewAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var titles = await PurposeTitles.LoadAsync(db, culture.TwoLetterISOLanguageName, cancellationToken);
        var purposes = await db.Purposes.AsNoTracking().Where(p => p.LegalBasis == LegalBasis.Consent)
            .OrderBy(p => p.SortOrder).ToListAsync(cancellationToken);
        var previews = new List<RetentionPreview>();
        foreach (var purpose in purposes)
        {
            var (customers, answers) = (0, 0);
            if (purpose.RetentionAfterEndDays is not null)
            {
                var due = RetentionQuery.DueCustomers(db, purpose, now);
                customers = await due.CountAsync(cancellationToken);
                answers = await RetentionQuery.Answers(db, purpose).Where(a => due.Contains(a.CustomerId)).CountAsync(cancellationToken);
            }

            previews.Add(new RetentionPreview(purpose.Key, titles.GetValueOrDefault(purpose.Key, purpose.Key), purpose.RetentionAfterEndDays, customers, answers));
        }

        return previews;
    }
}
