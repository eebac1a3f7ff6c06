using Microsoft.EntityFrameworkCore;

namespace PreferenceCenter.Data;

/// <summary>Prepares a <see cref="RowCommand{TEntity}"/> in the context's open write transaction.</summary>
public static class RowCommandExtensions
{
    /// <summary>A prepared insert of every mapped property of <typeparamref name="TEntity"/>, keys included.</summary>
    public static RowCommand<TEntity> PrepareInsert<TEntity>(this DbContext db) where TEntity : class =>
        RowCommand<TEntity>.Insert(db);

    /// <summary>
    /// A prepared insert of every mapped property but a key the database generates, for one new row whose id nobody
    /// reads back (a consent change answers with the state, never the row's id).
    /// </summary>
    public static RowCommand<TEntity> PrepareInsertWithNewKey<TEntity>(this DbContext db) where TEntity : class =>
        RowCommand<TEntity>.Insert(db, databaseAssignsKey: true);

    /// <summary>
    /// A prepared update of the named properties by key, guarded by the entity's concurrency tokens: a row changed
    /// since it was read is left alone and reported as zero rows.
    /// </summary>
    public static RowCommand<TEntity> PrepareUpdate<TEntity>(this DbContext db, IReadOnlyList<string> properties) where TEntity : class =>
        RowCommand<TEntity>.Update(db, properties);
}
