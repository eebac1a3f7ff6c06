using Npgsql;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.Data;

public sealed class PostgreSqlConnectionDefaultsTests
{
    private const string Given = "Host=127.0.0.1;Port=5433;Database=pc;Username=app";

    [Theory]
    [InlineData("", PostgreSqlConnectionDefaults.MaxAutoPrepare)]
    [InlineData(";Max Auto Prepare=0", 0)]
    [InlineData(";MaxAutoPrepare=8", 8)]
    [InlineData(";max auto prepare=12", 12)]
    public void Apply_PreparesTheHotStatementsUnlessTheConnectionStringSays(string setting, int expected)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(Given + setting));

        Assert.Equal((expected, "pc", 5433), (applied.MaxAutoPrepare, applied.Database, applied.Port));
    }
}
