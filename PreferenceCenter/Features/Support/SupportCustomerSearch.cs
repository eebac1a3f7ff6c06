using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Support;

/// <summary>
/// Finds the one customer a complete identifier belongs to: email and phone through the encrypted profile's blind
/// index (<see cref="CustomerLookup"/>, exact match of the normalised value), the reference directly — so an erased
/// customer's reference still opens their record and the console can say they were erased.
/// </summary>
public sealed class SupportCustomerSearch(CustomerLookup lookup, IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<Customer?> FindAsync(SupportIdentifier identifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customers = db.Customers.AsNoTracking();
        if (identifier.Kind == SupportIdentifierKind.Reference)
        {
            return await customers.FirstOrDefaultAsync(c => c.Reference == identifier.Value, cancellationToken);
        }

        var id = identifier.Kind == SupportIdentifierKind.Email
            ? await lookup.FindByEmailAsync(identifier.Value, cancellationToken)
            : await lookup.FindByPhoneAsync(identifier.Value, cancellationToken);
        return id is null ? null : await customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }
}
