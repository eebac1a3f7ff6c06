using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PreferenceCenter.Data;

/// <summary>
/// A few contexts on kept SQLite connections (<see cref="KeptSqliteConnection"/>) for a write that runs many times a
/// second: a consent change read, decided and wrote through statements SQLite parsed and planned anew on every change
/// (ADR 0017). On PostgreSQL there are none (Npgsql prepares statements itself): <see cref="TryRent"/> says null and the
/// caller uses the factory. Idle between writes, so they hold no lock and no snapshot; a singleton, disposed with the app.
/// </summary>
public sealed class SqliteWriteContexts : IDisposable
{
    private readonly ConcurrentBag<SqliteWriteContext> idle = [];
    private readonly Lazy<(DbContextOptions<AppDbContext> Options, string ConnectionString)?> template;
    private int open;
    private volatile bool disposed;

    public SqliteWriteContexts(IDbContextFactory<AppDbContext> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Factory = factory;
        // Not cached if it throws: a database away at the first write must not disable these for good.
        template = new(() => TemplateOf(factory), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The factory whose contexts these stand in for: the same database, model and interceptors.</summary>
    public IDbContextFactory<AppDbContext> Factory { get; }

    /// <summary>
    /// How many kept contexts are open at most; a write that finds them all lent uses the factory. Writes on SQLite go
    /// one at a time, so a few cover the writers waiting for the lock; opening and closing a connection of its own for
    /// each write beyond them would cost more than preparing.
    /// </summary>
    public static int MaxOpenContexts { get; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>
    /// An idle context, or a new one; null when the database is not SQLite or all <see cref="MaxOpenContexts"/> are lent,
    /// and then the caller uses the factory. Give it back with <see cref="Return"/>.
    /// </summary>
    public SqliteWriteContext? TryRent()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (template.Value is not { } made)
        {
            return null;
        }

        if (idle.TryTake(out var context))
        {
            return context;
        }

        if (Interlocked.Increment(ref open) > MaxOpenContexts)
        {
            Interlocked.Decrement(ref open);
            return null;
        }

        try
        {
            return SqliteWriteContext.Open(made.Options, made.ConnectionString);
        }
        catch
        {
            Interlocked.Decrement(ref open);
            throw;
        }
    }

    /// <summary>
    /// Takes <paramref name="context"/> back. One whose write threw (a full disk, a corrupt page, a fault), that left a
    /// transaction open or whose connection closed is closed, not lent again: the next write opens a fresh one.
    /// </summary>
    public void Return(SqliteWriteContext context, bool healthy)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (healthy && !disposed && context.Reset())
        {
            idle.Add(context);
            if (disposed && idle.TryTake(out var late))
            {
                Close(late);
            }

            return;
        }

        Close(context);
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var context))
        {
            Close(context);
        }
    }

    private void Close(SqliteWriteContext context)
    {
        context.Dispose();
        Interlocked.Decrement(ref open);
    }

    // The factory's options and database, read from one of its contexts; none unless it is a plain SQLite AppDbContext.
    private static (DbContextOptions<AppDbContext>, string)? TemplateOf(IDbContextFactory<AppDbContext> factory)
    {
        using var db = factory.CreateDbContext();
        return db.GetType() == typeof(AppDbContext) && db.Database.IsSqlite()
            && db.GetService<IDbContextOptions>() is DbContextOptions<AppDbContext> options
            && db.Database.GetConnectionString() is { } connectionString
            ? (options, connectionString)
            : null;
    }
}
