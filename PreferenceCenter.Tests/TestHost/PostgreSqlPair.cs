using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// The app's two PostgreSQL databases for one test, as DatabaseSettings requires them: the migrated main database and
/// the per-customer key store in a database of its own (created and initialised), both dropped at the end.
/// </summary>
public sealed class PostgreSqlPair : IAsyncDisposable
{
    private PostgreSqlPair(PostgreSqlTestDatabase main, PostgreSqlTestDatabase keys)
    {
        Main = main;
        Keys = keys;
        KeyStore = new PostgreSqlCustomerKeyStore(keys.ConnectionString, TestKeys.Keys, TimeProvider.System, NullLogger<PostgreSqlCustomerKeyStore>.Instance);
    }

    public PostgreSqlTestDatabase Main { get; }
    public PostgreSqlTestDatabase Keys { get; }
    public PostgreSqlCustomerKeyStore KeyStore { get; }

    public static async Task<PostgreSqlPair> CreateAsync()
    {
        var pair = new PostgreSqlPair(await PostgreSqlTestDatabase.CreateAsync(), await PostgreSqlTestDatabase.CreateAsync(migrate: false));
        await pair.KeyStore.InitializeAsync();
        return pair;
    }

    public async ValueTask DisposeAsync()
    {
        PostgreSqlConnectionDefaults.ClearPools(KeyStore.ConnectionString);

        await Keys.DisposeAsync();
        await Main.DisposeAsync();
    }
}
