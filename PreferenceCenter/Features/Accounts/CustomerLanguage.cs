using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Accounts;

/// <summary>
/// The language we write to a customer in, for callers holding a context factory rather than a context. The rule
/// and the query are <see cref="MailRecipient.LanguageAsync"/>'s; this only opens the context.
/// </summary>
public static class CustomerLanguage
{
    public static async Task<string> ReadAsync(IDbContextFactory<AppDbContext> dbFactory, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await MailRecipient.LanguageAsync(db, customerId, cancellationToken);
    }
}
