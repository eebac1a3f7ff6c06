using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Accounts;

/// <summary>The language we write to a customer in: the one they chose, when we write in it, otherwise the default.</summary>
public static class CustomerLanguage
{
    public static async Task<string> ReadAsync(IDbContextFactory<AppDbContext> dbFactory, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return SupportedCultures.OrDefault(
            await db.Customers.Where(c => c.Id == customerId).Select(c => c.PreferredCulture).FirstOrDefaultAsync(cancellationToken));
    }
}
