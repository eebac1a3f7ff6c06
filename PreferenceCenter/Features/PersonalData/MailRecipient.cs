using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Where and in which language we write to a customer: their sign-in address and the language they chose, when we
/// write in it, otherwise the default. The one lookup of both, here at the bottom of the line so every feature that
/// sends mail can use it.
/// </summary>
public sealed record MailRecipient(string Address, string Culture)
{
    /// <summary>The recipient, or null when the customer has no sign-in (erased); the address is opened with the account's key.</summary>
    public static async Task<MailRecipient?> FindAsync(AppDbContext db, AccountSealer accounts, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(accounts);
        var row = await db.Customers.Where(c => c.Id == customerId)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Id, u.Email, c.PreferredCulture })
            .FirstOrDefaultAsync(cancellationToken);
        var address = row is null ? null : await accounts.OpenAsync(row.Id, row.Email, cancellationToken);
        return address is { Length: > 0 } ? new MailRecipient(address, SupportedCultures.OrDefault(row!.PreferredCulture)) : null;
    }

    /// <summary>Only the language, for mail whose address comes from elsewhere (a request, the profile): nothing to open.</summary>
    public static async Task<string> LanguageAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return SupportedCultures.OrDefault(
            await db.Customers.Where(c => c.Id == customerId).Select(c => c.PreferredCulture).FirstOrDefaultAsync(cancellationToken));
    }

    /// <summary>The same, for callers that hold a context factory rather than a context.</summary>
    public static async Task<string> LanguageAsync(IDbContextFactory<AppDbContext> dbFactory, Guid customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LanguageAsync(db, customerId, cancellationToken);
    }
}
