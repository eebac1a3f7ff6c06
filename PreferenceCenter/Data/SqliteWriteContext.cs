using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PreferenceCenter.Data;

/// <summary>
/// A context on a <see cref="KeptSqliteConnection"/> of its own, lent by <see cref="SqliteWriteContexts"/> to one
/// write at a time. Made once per connection: EF registers its SQL functions when a context takes a connection, and
/// that would expire the statements kept on it.
/// </summary>
public sealed class SqliteWriteContext : IDisposable
{
    private SqliteWriteContext(KeptSqliteConnection connection, AppDbContext db)
    {
        Connection = connection;
        Db = db;
    }

    public KeptSqliteConnection Connection { get; }

    public AppDbContext Db { get; }

    /// <summary>
    /// Opens a connection to <paramref name="connectionString"/> with the app's connection settings, and a context on
    /// it configured as <paramref name="options"/> says (the same model, interceptors and provider options as the
    /// factory's contexts), but on this connection instead of the pool.
    /// </summary>
    internal static SqliteWriteContext Open(DbContextOptions<AppDbContext> options, string connectionString)
    {
        var connection = new KeptSqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqliteConnectionSettings.Apply(connection);
            var builder = new DbContextOptionsBuilder<AppDbContext>(options);
            var provider = RelationalOptionsExtension.Extract(options).WithConnectionString(null).WithConnection(connection);
            ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(provider);
            return new SqliteWriteContext(connection, new AppDbContext(builder.Options));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// True when the last write left nothing behind (no transaction open) and the connection is still open: opened
    /// again it would have lost its settings (<c>secure_delete</c> among them) and its statements. What it tracked is forgotten.
    /// </summary>
    internal bool Reset()
    {
        if (Db.Database.CurrentTransaction is not null || Connection.State != System.Data.ConnectionState.Open)
        {
            return false;
        }

        Db.ChangeTracker.Clear();
        return true;
    }

    public void Dispose()
    {
        Db.Dispose();
        Connection.Dispose();
    }
}
