using PreferenceCenter.Tests.Support;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>The acceptance test a user would run: after erasure, no file holds a byte sequence of the person.</summary>
public sealed class ErasureLeavesNoBytesTests
{
    private const string Email = "ada.lovelace@example.com";
    private const string Name = "Augusta Ada Lovelace";
    private const string Phone = "+39 333 765 4321";
    private const string Answer = "Only on rainy Tuesdays";
    private const string Comment = "Analytical engines only please";

    [Fact]
    public async Task AfterExecution_TheMainFileItsWalAndTheKeyStoreHoldNoEmailNamePhoneOrWords()
    {
        await using var f = await PersonalDataFixture.CreateAsync();
        var ada = await f.SignUpAsync(Email);
        await f.FillAsync(ada, Name, Phone, Answer, Comment);
        // Control: the same values written in plain text (UTF-8 and UTF-16) and then dropped, as a careless earlier
        // version might have: they sit in free pages, which is exactly what erasure must scrub too.
        await f.Database.ExecuteRawAsync($"""
            CREATE TABLE Control (Utf8 TEXT, Utf16 BLOB);
            INSERT INTO Control VALUES ('{Name} {Phone} {Answer} {Comment}', CAST(CAST('{Name} {Phone}' AS TEXT) AS BLOB));
            INSERT INTO Control SELECT NULL, X'{Convert.ToHexString(System.Text.Encoding.Unicode.GetBytes(Name + Phone))}';
            DROP TABLE Control;
            """);
        var files = FileScan.WithCompanions(f.Database.Path).Concat(FileScan.WithCompanions(f.Database.KeyStorePath)).ToList();

        var before = FileScan.Find(files, Email, Name, Phone, Answer, Comment);

        // The scan sees what is there: the email in Identity's own table, and the dropped control values in free pages.
        Assert.Contains($"{Email} in {Path.GetFileName(f.Database.Path)} as utf-8", before);
        Assert.Contains($"{Name} in {Path.GetFileName(f.Database.Path)} as utf-16", before);
        Assert.Contains($"{Phone} in {Path.GetFileName(f.Database.Path)} as utf-8", before);

        await f.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Empty(FileScan.Find(files, Email, Name, Phone, Answer, Comment));
    }

    [Fact]
    public async Task BeforeErasure_NameAndPhoneAndWordsAreNeverStoredInPlainText()
    {
        await using var f = await PersonalDataFixture.CreateAsync();
        var ada = await f.SignUpAsync(Email);
        await f.FillAsync(ada, Name, Phone, Answer, Comment);
        var files = FileScan.WithCompanions(f.Database.Path).Concat(FileScan.WithCompanions(f.Database.KeyStorePath));

        // Only Identity's sign-in columns hold the email (documented); everything else is sealed with the customer's key.
        Assert.Empty(FileScan.Find(files, Name, Phone, Answer, Comment, Email.ToUpperInvariant()));
    }

    [Fact]
    public async Task ACopyOfTheMainDatabaseAlone_CannotBeRead()
    {
        await using var f = await PersonalDataFixture.CreateAsync();
        var ada = await f.SignUpAsync(Email);
        await f.FillAsync(ada, Name, Phone, Answer, Comment);
        await using var stolen = await TestDatabase.CreateAsync();
        await using (var source = new Microsoft.Data.Sqlite.SqliteConnection(f.Database.ConnectionString))
        await using (var target = new Microsoft.Data.Sqlite.SqliteConnection(stolen.ConnectionString))
        {
            await source.OpenAsync();
            await target.OpenAsync();
            // The backup API copies the data file; the key store, a file of its own, is not part of it.
            source.BackupDatabase(target);
        }

        await using var db = stolen.CreateDbContext();
        var profile = db.CustomerProfiles.Single();
        Assert.Null(await stolen.Protector.ForReadingAsync(ada));
        await Assert.ThrowsAsync<PreferenceCenter.Features.PersonalData.PersonalDataUnreadableException>(
            () => stolen.Protector.UnprotectAsync(ada, profile.Name));
    }
}
