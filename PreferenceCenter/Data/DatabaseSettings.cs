using Npgsql;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Data;

/// <summary>
/// The provider and both connection strings (the main database and the personal-data key store), read and checked
/// once at start-up so that a wrong setting stops the app with its name instead of failing on the first query.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string KeyStoreConnectionString)
{
    public const string ProviderKey = "Database:Provider";

    public static DatabaseSettings Sqlite(string connectionString, string keyStoreConnectionString) =>
        new(DatabaseProvider.Sqlite, connectionString, keyStoreConnectionString);

    /// <summary>Reads <c>Database:Provider</c> (default <c>Sqlite</c>) and the connection strings it needs; throws <see cref="InvalidOperationException"/> naming what is wrong.</summary>
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var main = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        var keys = configuration.GetConnectionString(KeyStoreOptions.ConnectionStringName);
        return ParseProvider(configuration[ProviderKey]) switch
        {
            DatabaseProvider.PostgreSQL => PostgreSql(main, keys),
            _ => Sqlite(DatabaseOptions.Resolve(main, contentRoot), DatabaseOptions.Resolve(keys ?? KeyStoreOptions.DefaultConnectionString, contentRoot)),
        };
    }

    private static DatabaseProvider ParseProvider(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        // Names only (any letter case): a number or a misspelling must not quietly pick a store.
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            if (string.Equals(provider.ToString(), configured.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        throw new InvalidOperationException($"{ProviderKey} is '{configured}': it must be Sqlite (the embedded default) or PostgreSQL.");
    }

    private static DatabaseSettings PostgreSql(string? main, string? keys)
    {
        var mainBuilder = Npgsql(main, DatabaseOptions.ConnectionStringName);
        var keysBuilder = Npgsql(keys, KeyStoreOptions.ConnectionStringName);
        // The key store is kept apart so that a copy of the data never carries the keys that would read it.
        if (string.Equals(mainBuilder.Host, keysBuilder.Host, StringComparison.OrdinalIgnoreCase)
            && mainBuilder.Port == keysBuilder.Port
            && string.Equals(mainBuilder.Database, keysBuilder.Database, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{KeyStoreOptions.ConnectionStringName} names the same PostgreSQL database as ConnectionStrings:{DatabaseOptions.ConnectionStringName} ('{mainBuilder.Database}'): the key store needs a database of its own.");
        }

        return new DatabaseSettings(DatabaseProvider.PostgreSQL, mainBuilder.ConnectionString, keysBuilder.ConnectionString);
    }

    private static NpgsqlConnectionStringBuilder Npgsql(string? configured, string name)
    {
        var setting = $"ConnectionStrings:{name}";
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured ?? "");
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(
                $"{setting} is not a PostgreSQL connection string ({e.Message}). With {ProviderKey}=PostgreSQL give e.g. 'Host=db.example.com;Database=preferencecenter;Username=app;Password=...'.", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new InvalidOperationException(
                $"{setting} must name a Host and a Database when {ProviderKey} is PostgreSQL, e.g. 'Host=db.example.com;Database=preferencecenter;Username=app;Password=...'.");
        }

        return builder;
    }
}
