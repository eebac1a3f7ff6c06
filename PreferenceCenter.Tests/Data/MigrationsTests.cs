#pragma warning disable EF1001 // The model differ is internal API; this test is exactly about what it sees.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.Data;

public sealed class MigrationsTests
{
    [Fact]
    public void Migrations_CoverTheWholeModel_WithNothingPending()
    {
        using var db = new AppDbContext(StandaloneDbContextOptions.ForSqlite("Data Source=:memory:"));
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model;
        var migrated = db.GetService<IModelRuntimeInitializer>().Initialize(((IMutableModel)snapshot).FinalizeModel());

        var pending = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            migrated.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        Assert.Empty(pending.Select(op => op.ToString()));
    }
}
