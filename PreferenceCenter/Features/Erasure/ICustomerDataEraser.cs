using Microsoft.EntityFrameworkCore.Metadata;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// A feature that keeps rows about a customer deletes or blanks them here, inside the erasure's transaction. Erasure
/// sits below those features (ADR 0008), so it asks them through this seam instead of naming their tables.
/// </summary>
public interface ICustomerDataEraser
{
    /// <summary>Deletes or blanks the customer's rows; returns what was done as <c>name=count</c> pairs joined by ';', never a value.</summary>
    Task<string> EraseAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken);

    /// <summary>The tables <see cref="EraseAsync"/> deletes from or blanks, which the storage scrub rewrites on PostgreSQL.</summary>
    IEnumerable<IEntityType> ErasedFrom(AppDbContext db);
}
