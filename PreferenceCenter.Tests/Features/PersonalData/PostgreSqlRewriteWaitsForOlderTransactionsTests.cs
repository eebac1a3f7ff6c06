using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.PersonalData;

/// <summary>
/// The byte scans of the key store, erasure and the retrofit with another session's transaction open across the
/// change: <c>VACUUM FULL</c> would copy the old row versions that transaction may still see into the new files, so
/// each rewrite waits for it to end. Without the wait the rewrite runs at once (the transaction still open when the
/// app's call returns) and the scan finds the old values.
/// </summary>
public sealed class PostgreSqlRewriteWaitsForOlderTransactionsTests
{
    /// <summary>Longer than each call takes on its own, so that without the wait the rewrite runs while it is open.</summary>
    private static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(2);

    /// <summary>A write in progress in another database of the cluster (the main one) is in the rewrite's own snapshot.</summary>
    [PostgreSqlDataFact]
    public async Task KeyDestroy_WhileAWriteIsOpenInTheMainDatabase_LeavesNoPieceOfTheKey()
    {
        await using var pair = await PostgreSqlPair.CreateAsync();
        var grace = Guid.NewGuid();
        await pair.KeyStore.GetOrCreateAsync(grace);
        var wrapped = (byte[])(await pair.Keys.ScalarAsync($"SELECT \"WrappedKey\" FROM \"CustomerKeys\" WHERE \"CustomerId\" = '{grace}'"))!;
        await using var older = await OlderTransaction.WriteAsync(pair.Main, HeldFor);

        Assert.True(await pair.KeyStore.DestroyAsync(grace));

        Assert.Empty(await ByteScan.PiecesAsync(pair.Keys, wrapped));
        Assert.True(older.Ended.IsCompleted, "The rewrite did not wait for the older transaction.");
    }

    /// <summary>The officer's reason for refusing an earlier request is plain text until erasure blanks it (an UPDATE).</summary>
    [PostgreSqlDataFact]
    public async Task Erasure_WhileAReportHoldsASnapshot_LeavesNoWordOfHers()
    {
        string[] words = ["ada.lovelace@example.com", "Caller confirmed her birthday 10 December", "Open invoice for the Difference Engine"];
        await using var fixture = await PersonalDataFixture.CreateOnPostgreSqlAsync();
        var ada = await fixture.SignUpAsync(words[0]);
        await fixture.AddStaffWordsAsync(ada, words[1], words[2]);
        Assert.NotEmpty(FileScan.Find(await PostgreSqlDataFiles.CheckpointAndListAsync(fixture.PostgreSql.Main), words));
        await using var older = await OlderTransaction.SnapshotAsync(fixture.PostgreSql.Main, HeldFor);

        await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Empty(FileScan.Find(await PostgreSqlDataFiles.CheckpointAndListAsync(fixture.PostgreSql.Main), words));
        Assert.True(older.Ended.IsCompleted, "The rewrite did not wait for the older snapshot.");
    }

    [PostgreSqlDataFact]
    public async Task Retrofit_WhileAReportHoldsASnapshot_LeavesNoPlainValue()
    {
        await using var fixture = await PersonalDataFixture.CreateOnPostgreSqlAsync();
        await using var older = await OlderTransaction.SnapshotAsync(fixture.PostgreSql.Main, HeldFor);

        await PersonalDataRetrofitTests.RetrofitAndCheckAsync(fixture);

        Assert.Empty(FileScan.Find(await PostgreSqlDataFiles.CheckpointAndListAsync(fixture.PostgreSql.Main), PersonalDataRetrofitTests.PlainValues));
        Assert.True(older.Ended.IsCompleted, "The rewrite did not wait for the older snapshot.");
    }
}
