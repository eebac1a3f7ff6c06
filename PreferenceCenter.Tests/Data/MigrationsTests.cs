#pragma warning disable EF1001 // The model differ is internal API; this test is exactly about what it sees.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.Data;

/// <summary>
/// Each provider keeps its own migrations (SQLite's in Data/Migrations, PostgreSQL's in Data/Migrations/PostgreSql):
/// a model change must be migrated on both. Neither check connects to a database.
/// </summary>
public sealed class MigrationsTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL];

    private static AppDbContext Context(DatabaseProvider provider) => StandaloneDbContextOptions.Create(provider == DatabaseProvider.PostgreSQL
        ? new DatabaseSettings(provider, PostgreSqlDesignTimeFactory.PlaceholderConnectionString, "")
        : DatabaseSettings.Sqlite("Data Source=:memory:", ""));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_CoverTheWholeModel_WithNothingPending(DatabaseProvider provider)
    {
        using var db = Context(provider);
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model;
        var migrated = db.GetService<IModelRuntimeInitializer>().Initialize(((IMutableModel)snapshot).FinalizeModel());

        var pending = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            migrated.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        Assert.Empty(pending.Select(op => op.ToString()));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_AreThatProvidersOwnSet(DatabaseProvider provider)
    {
        using var db = Context(provider);
        var expected = provider == DatabaseProvider.PostgreSQL ? "PreferenceCenter.Data.Migrations.PostgreSql" : "PreferenceCenter.Data.Migrations";

        var migrations = db.GetService<IMigrationsAssembly>().Migrations.Values;

        Assert.NotEmpty(migrations);
        Assert.All(migrations, m => Assert.Equal(expected, m.Namespace));
        Assert.Equal(expected, db.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType().Namespace);
    }
}
