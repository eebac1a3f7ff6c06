using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data;

public sealed class DatabaseSettingsTests
{
    private const string Main = "Host=127.0.0.1;Port=5433;Database=pc;Username=app";
    private const string Keys = "Host=127.0.0.1;Port=5433;Database=pc_keys;Username=app";

    private static DatabaseSettings Read(params (string Key, string? Value)[] settings) =>
        DatabaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build(), Path.GetTempPath());

    [Fact]
    public void From_WithNoProvider_IsSqliteWithBothFilesResolved()
    {
        var settings = Read(("ConnectionStrings:PreferenceCenter", "Data Source=/tmp/pc-settings.db"));

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("/tmp/pc-settings.db", new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "App_Data", "personal-data-keys.db"), new SqliteConnectionStringBuilder(settings.KeyStoreConnectionString).DataSource);
    }

    [Theory]
    [InlineData("PostgreSQL")]
    [InlineData("postgresql")]
    [InlineData(" PostgreSQL ")]
    public void From_PostgreSql_InAnyLetterCase_KeepsBothConnectionStrings(string provider)
    {
        var settings = Read(("Database:Provider", provider), ("ConnectionStrings:PreferenceCenter", Main), ("ConnectionStrings:PersonalDataKeys", Keys));

        Assert.Equal(DatabaseProvider.PostgreSQL, settings.Provider);
        Assert.Contains("Database=pc;", settings.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Database=pc_keys;", settings.KeyStoreConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    [InlineData("Postgres")]
    public void From_AnUnknownProvider_RefusesNamingTheSettingAndTheChoices(string provider)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Read(("Database:Provider", provider)));

        Assert.Equal($"Database:Provider is '{provider}': it must be Sqlite (the embedded default) or PostgreSQL.", refused.Message);
    }

    [Fact]
    public void From_PostgreSql_WithTheDefaultSqliteString_AsksForAHostAndDatabase()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Read(
            ("Database:Provider", "PostgreSQL"), ("ConnectionStrings:PreferenceCenter", "Data Source=App_Data/preferencecenter.db"), ("ConnectionStrings:PersonalDataKeys", Keys)));

        Assert.StartsWith("ConnectionStrings:PreferenceCenter ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_PostgreSql_WithoutAKeyStore_RefusesNamingIt()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Read(("Database:Provider", "PostgreSQL"), ("ConnectionStrings:PreferenceCenter", Main)));

        Assert.StartsWith("ConnectionStrings:PersonalDataKeys must name a Host and a Database", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PostgreSQL", typeof(PostgreSqlCustomerKeyStore), Keys, "Database=pc_keys")]
    [InlineData("Sqlite", typeof(SqliteCustomerKeyStore), null, "personal-data-keys.db")]
    public void PersonalData_PutsTheKeyStoreOnTheConfiguredProvider_InItsOwnDatabase(string provider, Type store, string? keys, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            .. TestKeys.Settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value)),
            KeyValuePair.Create("Database:Provider", (string?)provider),
            KeyValuePair.Create("ConnectionStrings:PreferenceCenter", (string?)(provider == "Sqlite" ? "Data Source=/tmp/pc-settings.db" : Main)),
            KeyValuePair.Create("ConnectionStrings:PersonalDataKeys", keys)]).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddPersonalData(configuration, Path.GetTempPath())
            .BuildServiceProvider();

        var keyStore = services.GetRequiredService<CustomerKeyStore>();

        Assert.IsType(store, keyStore);
        Assert.Contains(named, keyStore.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void From_PostgreSql_WithTheKeysInTheMainDatabase_Refuses()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Read(
            ("Database:Provider", "PostgreSQL"), ("ConnectionStrings:PreferenceCenter", Main), ("ConnectionStrings:PersonalDataKeys", Main + ";Password=other")));

        Assert.Contains("the key store needs a database of its own", refused.Message, StringComparison.Ordinal);
    }
}
