using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>The acceptance test a user would run: after erasure, no file holds a byte sequence of the person.</summary>
[SqliteOnly("scans the SQLite files and their copies; PostgreSqlErasureLeavesNoBytesTests scans PostgreSQL's")]
public sealed class ErasureLeavesNoBytesTests
{
    private const string Email = "ada.lovelace@example.com";
    private const string Name = "Augusta Ada Lovelace";
    private const string Phone = "+39 333 765 4321";
    private const string Answer = "Only on rainy Tuesdays";
    private const string Comment = "Analytical engines only please";
    private const string SupportReason = "Caller confirmed her birthday 10 December";
    private const string RejectionReason = "Open invoice for the Difference Engine";

    [Fact]
    public async Task AfterExecution_TheMainFileItsWalAndTheKeyStoreHoldNoEmailNamePhoneOrWords()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync(Email);
        await fixture.FillAsync(ada, Name, Phone, Answer, Comment);
        await fixture.AddStaffWordsAsync(ada, SupportReason, RejectionReason);
        // Control: the same values written in plain text (UTF-8 and UTF-16) and then dropped, as a careless earlier
        // version might have: they sit in free pages, which is exactly what erasure must scrub too. Checkpointed into the
        // main file here: the kept write connections (ADR 0017) stay open, so closing this one does not fold the log back.
        await fixture.Database.ExecuteRawAsync($"""
            CREATE TABLE Control (Utf8 TEXT, Utf16 BLOB);
            INSERT INTO Control VALUES ('{Email} {Name} {Phone} {Answer} {Comment}', CAST(CAST('{Name} {Phone}' AS TEXT) AS BLOB));
            INSERT INTO Control SELECT NULL, X'{Convert.ToHexString(System.Text.Encoding.Unicode.GetBytes(Name + Phone))}';
            DROP TABLE Control;
            PRAGMA wal_checkpoint(TRUNCATE);
            """);
        var files = FileScan.WithCompanions(fixture.Database.Path).Concat(FileScan.WithCompanions(fixture.Database.KeyStorePath)).ToList();

        var before = FileScan.Find(files, Email, Name, Phone, Answer, Comment, SupportReason, RejectionReason);

        // The scan sees what is there: the dropped control values in free pages (and the address of the queued opt-in mail).
        Assert.Contains($"{Email} in {Path.GetFileName(fixture.Database.Path)} as utf-8", before);
        Assert.Contains($"{Name} in {Path.GetFileName(fixture.Database.Path)} as utf-16", before);
        Assert.Contains($"{Phone} in {Path.GetFileName(fixture.Database.Path)} as utf-8", before);
        Assert.Contains($"{RejectionReason} in {Path.GetFileName(fixture.Database.Path)} as utf-8", before);

        await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Empty(FileScan.Find(files, Email, Name, Phone, Answer, Comment, SupportReason, RejectionReason));
        Assert.True((await fixture.Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task BeforeErasure_NameAndPhoneAndWordsAreNeverStoredInPlainText()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync(Email);
        await fixture.FillAsync(ada, Name, Phone, Answer, Comment);
        await fixture.AddStaffWordsAsync(ada, SupportReason, RejectionReason);
        var files = FileScan.WithCompanions(fixture.Database.Path).Concat(FileScan.WithCompanions(fixture.Database.KeyStorePath));

        // Everything is sealed with the customer's or the account's key — the opt-in confirmation FillAsync asks for,
        // still queued in the outbox and addressed to her, included.
        await using (var db = fixture.Database.CreateDbContext())
        {
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.CustomerId == ada && m.SentAt == null));
        }

        // The agent's reason is in the ledger, sealed under her key like her own words.
        Assert.Empty(FileScan.Find(files, Name, Phone, Answer, Comment, Email, Email.ToUpperInvariant(), SupportReason));
    }

    [Fact]
    public async Task BeforeErasure_IdentityHoldsTheEmailOnlySealed_AndItsStoreStillReadsIt()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync(Email);
        await fixture.Profiles.UpdateAsync(ada, new ProfileEdit(Name, Phone), Actor.Customer(ada), ChangeSource.Web);
        var files = FileScan.WithCompanions(fixture.Database.Path).Concat(FileScan.WithCompanions(fixture.Database.KeyStorePath));

        Assert.Empty(FileScan.Find(files, Email, Name, Phone));
        await using var db = fixture.Database.CreateDbContext();
        using var store = new SealedUserStore(db, fixture.Sealer);
        var user = await store.FindByEmailAsync(fixture.Normalizer.NormalizeEmail(Email)!);
        Assert.NotNull(user);
        Assert.Equal((Email, Email), (await store.GetEmailAsync(user), await store.GetUserNameAsync(user)));
    }

    [Fact]
    public async Task ACopyOfTheFilesTakenBeforeErasure_HoldsNoByteOfThePersonOnceTheKeysAreDestroyed_ButWouldWithTheOldKeyStore()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync(Email);
        await fixture.Profiles.UpdateAsync(ada, new ProfileEdit(Name, Phone), Actor.Customer(ada), ChangeSource.Web);
        // Last night's backups: the data file, and the key store taken separately.
        await using var backup = await TestDatabase.CreateAsync();
        Copy(fixture.Database.ConnectionString, backup.ConnectionString);
        var oldKeysPath = Path.ChangeExtension(backup.Path, ".old-keys.db");
        var oldKeys = new SqliteCustomerKeyStore($"Data Source={oldKeysPath};Pooling=False", TestKeys.Keys, TimeProvider.System);
        Copy(fixture.Database.KeyStore.ConnectionString, oldKeys.ConnectionString);

        try
        {
            await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

            // Read with the live key store, whose keys for Ada (customer and account) are now destroyed.
            var (found, unreadable) = await ReadAsync(backup, fixture.Database.KeyStore);
            Assert.Empty(found);
            Assert.Equal(5, unreadable); // user name, email; profile name, email, phone: all present in the copy, none opens.

            // Control: the same copy with the key-store copy taken at the same time opens, and the scan sees her.
            var (withOldKeys, _) = await ReadAsync(backup, oldKeys);
            Assert.Contains($"{Email} in {Path.GetFileName(backup.Path)}.opened as utf-8", withOldKeys);
            Assert.Contains($"{Name} in {Path.GetFileName(backup.Path)}.opened as utf-16", withOldKeys);
        }
        finally
        {
            foreach (var file in FileScan.WithCompanions(oldKeysPath).Append(backup.Path + ".opened"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// What someone holding <paramref name="copy"/> and <paramref name="keys"/> (and the master key) can read: the
    /// copy's raw bytes, plus every sealed value that opens, written out as UTF-8 and UTF-16 and scanned the same way.
    /// </summary>
    private static async Task<(IReadOnlyList<string> Found, int Unreadable)> ReadAsync(TestDatabase copy, CustomerKeyStore keys)
    {
        var protector = new PersonalDataProtector(keys);
        var accounts = new AccountSealer(protector, keys);
        var opened = new List<string>();
        var unreadable = 0;
        async Task OpenAsync(Func<Task<string?>> open)
        {
            try
            {
                opened.Add(await open() ?? string.Empty);
            }
            catch (PersonalDataUnreadableException)
            {
                unreadable++;
            }
        }

        await using (var db = copy.CreateDbContext())
        {
            foreach (var user in await db.Users.AsNoTracking().ToListAsync())
            {
                await OpenAsync(() => accounts.OpenAsync(user.Id, user.UserName));
                await OpenAsync(() => accounts.OpenAsync(user.Id, user.Email));
            }

            foreach (var profile in await db.CustomerProfiles.AsNoTracking().ToListAsync())
            {
                await OpenAsync(() => protector.UnprotectAsync(profile.CustomerId, profile.Name));
                await OpenAsync(() => protector.UnprotectAsync(profile.CustomerId, profile.Email));
                await OpenAsync(() => protector.UnprotectAsync(profile.CustomerId, profile.Phone));
            }
        }

        var dump = copy.Path + ".opened";
        await File.WriteAllTextAsync(dump, string.Join('\n', opened), System.Text.Encoding.UTF8);
        await File.AppendAllTextAsync(dump, string.Join('\n', opened), System.Text.Encoding.Unicode);
        return (FileScan.Find(FileScan.WithCompanions(copy.Path).Append(dump), Email, Name, Phone), unreadable);
    }

    private static void Copy(string from, string to)
    {
        using var source = new SqliteConnection(from);
        using var target = new SqliteConnection(to);
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    [Fact]
    public async Task ACopyOfTheMainDatabaseAlone_CannotBeRead()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync(Email);
        await fixture.FillAsync(ada, Name, Phone, Answer, Comment);
        await using var stolen = await TestDatabase.CreateAsync();
        await using (var source = new Microsoft.Data.Sqlite.SqliteConnection(fixture.Database.ConnectionString))
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
        await Assert.ThrowsAsync<PersonalDataUnreadableException>(
            () => stolen.Protector.UnprotectAsync(ada, profile.Name));
    }
}
