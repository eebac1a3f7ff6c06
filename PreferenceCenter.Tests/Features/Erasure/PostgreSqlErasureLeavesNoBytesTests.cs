using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Tests.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>
/// <see cref="ErasureLeavesNoBytesTests"/> on PostgreSQL: after erasure and a CHECKPOINT, the files of the main
/// database hold none of the person's words, and the key store's files no piece of her two wrapped keys.
/// </summary>
public sealed class PostgreSqlErasureLeavesNoBytesTests
{
    private const string Email = "ada.lovelace@example.com";
    private const string Name = "Augusta Ada Lovelace";
    private const string Phone = "+39 333 765 4321";
    private const string Answer = "Only on rainy Tuesdays";
    private const string Comment = "Analytical engines only please";
    private const string SupportReason = "Caller confirmed her birthday 10 December";
    private const string RejectionReason = "Open invoice for the Difference Engine";

    [PostgreSqlDataFact]
    public async Task AfterExecution_TheMainDatabaseHoldsNoWordOfHers_AndTheKeyStoreNoPieceOfHerKeys()
    {
        await using var fixture = await PersonalDataFixture.CreateOnPostgreSqlAsync();
        var (main, keys) = (fixture.PostgreSql.Main, fixture.PostgreSql.Keys);
        var ada = await fixture.SignUpAsync(Email);
        await fixture.FillAsync(ada, Name, Phone, Answer, Comment);
        await fixture.AddStaffWordsAsync(ada, SupportReason, RejectionReason);
        string account;
        await using (var db = main.CreateDbContext())
        {
            account = (await db.Customers.SingleAsync(c => c.Id == ada)).UserId!;
        }

        var wrapped = new List<byte[]>();
        foreach (var keyId in new[] { ada.ToString(), account })
        {
            wrapped.Add((byte[])(await keys.ScalarAsync($"SELECT \"WrappedKey\" FROM \"CustomerKeys\" WHERE \"CustomerId\" = '{keyId}'"))!);
        }

        var before = FileScan.Find(await PostgreSqlDataFiles.CheckpointAndListAsync(main), Email, Name, Phone, Answer, Comment, SupportReason, RejectionReason);

        // The scan sees what is there: the officer's reason for refusing an earlier request is kept in plain text
        // until erasure blanks it (an UPDATE, which leaves the old row version behind), and both keys are in the key store.
        Assert.Contains($"{RejectionReason} in", Assert.Single(before), StringComparison.Ordinal);
        foreach (var key in wrapped)
        {
            Assert.NotEmpty(await ByteScan.PiecesAsync(keys, key));
        }

        await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Empty(FileScan.Find(await PostgreSqlDataFiles.CheckpointAndListAsync(main), Email, Name, Phone, Answer, Comment, SupportReason, RejectionReason));
        foreach (var key in wrapped)
        {
            Assert.Empty(await ByteScan.PiecesAsync(keys, key));
        }

        await using (var db = main.CreateDbContext())
        {
            Assert.Null((await db.ErasureRequests.SingleAsync(r => r.CustomerId == ada)).RejectionReason);
            Assert.False(await db.CustomerProfiles.AnyAsync(p => p.CustomerId == ada));
        }
    }
}
