using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.PersonalData;

/// <summary>
/// The retrofit on PostgreSQL, where an UPDATE leaves the old row version (and its index entries) in the table's files:
/// once it has sealed the plain values, the rewrite it runs leaves none of them in the main database's files.
/// </summary>
public sealed class PostgreSqlPersonalDataRetrofitTests
{
    [PostgreSqlDataFact]
    public async Task DataWrittenBeforeEncryption_IsSealed_AndNoPlainValueIsLeftInTheDatabasesFiles()
    {
        await using var fixture = await PersonalDataFixture.CreateOnPostgreSqlAsync();
        await PersonalDataRetrofitTests.RetrofitAndCheckAsync(fixture);

        Assert.Empty(FileScan.Find(await PostgreSqlDataFiles.CheckpointAndListAsync(fixture.PostgreSql.Main), PersonalDataRetrofitTests.PlainValues));
    }
}
