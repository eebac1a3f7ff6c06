using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Finds an active customer by email or phone (through the blind index: exact match of the normalised value, see
/// <see cref="ContactNormalizer"/>) or by reference. Returns the customer id or null; erased customers are never found.
/// </summary>
public sealed class CustomerLookup(IDbContextFactory<AppDbContext> dbFactory, BlindIndex index)
{
    public Task<Guid?> FindByEmailAsync(string? email, CancellationToken cancellationToken = default) =>
        FindByIndexAsync(index.OfEmail(email), hash => p => p.EmailIndex == hash, cancellationToken);

    public Task<Guid?> FindByPhoneAsync(string? phone, CancellationToken cancellationToken = default) =>
        FindByIndexAsync(index.OfPhone(phone), hash => p => p.PhoneIndex == hash, cancellationToken);

    // A value that normalises to nothing finds no one, without a query.
    private async Task<Guid?> FindByIndexAsync(
        string? hash, Func<string, Expression<Func<CustomerProfile, bool>>> matches, CancellationToken cancellationToken)
    {
        if (hash is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ActiveAsync(db, db.CustomerProfiles.Where(matches(hash)), cancellationToken);
    }

    /// <summary>By the reference read out over the phone, e.g. <c>PC-7K3M9Q</c>; surrounding spaces and letter case do not matter.</summary>
    public async Task<Guid?> FindByReferenceAsync(string? reference, CancellationToken cancellationToken = default)
    {
        var exact = reference?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(exact))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Customers.Where(c => c.Reference == exact && c.Status == CustomerStatus.Active)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static Task<Guid?> ActiveAsync(AppDbContext db, IQueryable<CustomerProfile> matches, CancellationToken cancellationToken) =>
        matches.Join(db.Customers.Where(c => c.Status == CustomerStatus.Active), p => p.CustomerId, c => c.Id, (p, c) => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
}
