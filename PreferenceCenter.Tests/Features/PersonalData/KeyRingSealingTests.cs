using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.PersonalData;

/// <summary>
/// The Data Protection key ring signs every emailed link and sign-in cookie. Stored in the database, it is sealed under
/// the master key from configuration, so whoever copies the database file cannot mint a link the app accepts.
/// </summary>
public sealed class KeyRingSealingTests
{
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    [Fact]
    public async Task NewKeys_AreStoredSealed_AndOpenWithTheMasterKey()
    {
        await using var database = await TestDatabase.CreateAsync();
        string token;
        await using (var app = DataProtectionOn(database.CreateDbContext, TestKeys.Keys))
        {
            token = Links(app).Create(LinkPurpose.Unsubscribe, Guid.NewGuid(), "marketing", Channel.Email, Month);
        }

        var stored = await StoredKeysAsync(database);
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains(KeyRingEncryptor.ElementName, xml, StringComparison.Ordinal);
            Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal); // the secret's own element is sealed whole
        });

        // A restart (new services, same database and configuration) still reads the links it sent.
        await using var restarted = DataProtectionOn(database.CreateDbContext, TestKeys.Keys);
        Assert.True(Links(restarted).TryRead(token, LinkPurpose.Unsubscribe).Succeeded);
    }

    [Fact]
    [SqliteOnly("copies the SQLite file for the thief; on PostgreSQL the key ring is sealed by the same code in the same table")]
    public async Task ACopyOfTheDatabaseFile_WithoutTheMasterKey_NeitherReadsNorMintsALinkTheAppAccepts()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = DataProtectionOn(database.CreateDbContext, TestKeys.Keys);
        var appLinks = Links(app);
        var real = appLinks.Create(LinkPurpose.ConfirmOptIn, Guid.NewGuid(), "marketing", Channel.Email, Month);

        var copy = await CopyOfFileAsync(database);
        try
        {
            // The thief has the file and a script, not the app's configuration: any master key but the real one.
            var stolen = StandaloneDbContextOptions.ForSqlite(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            await using var thief = DataProtectionOn(() => new AppDbContext(stolen), OtherKeys());
            var thiefLinks = Links(thief);
            var forged = thiefLinks.Create(LinkPurpose.ConfirmOptIn, Guid.NewGuid(), "marketing", Channel.Email, Month);

            Assert.False(thiefLinks.TryRead(real, LinkPurpose.ConfirmOptIn).Succeeded);
            Assert.Equal(LinkTokenFailure.Tampered, appLinks.TryRead(forged, LinkPurpose.ConfirmOptIn).Failure);
            Assert.True(appLinks.TryRead(real, LinkPurpose.ConfirmOptIn).Succeeded);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(copy + suffix);
            }
        }
    }

    [Fact]
    public async Task Retrofit_SealsKeysStoredInTheClear_AndLinksAlreadySentStillWork()
    {
        await using var database = await TestDatabase.CreateAsync();
        string sent;
        await using (var before = DataProtectionOn(database.CreateDbContext, keys: null))
        {
            sent = Links(before).Create(LinkPurpose.Unsubscribe, Guid.NewGuid(), "marketing", Channel.Sms, Month);
        }

        Assert.All(await StoredKeysAsync(database), xml => Assert.Contains("requiresEncryption", xml, StringComparison.Ordinal));
        var retrofit = new KeyRingRetrofit(database, TestKeys.Keys, NullLogger<KeyRingRetrofit>.Instance);

        Assert.Equal(1, await retrofit.RunAsync());
        Assert.Equal(0, await retrofit.RunAsync());

        Assert.All(await StoredKeysAsync(database), xml =>
        {
            Assert.Contains(KeyRingEncryptor.ElementName, xml, StringComparison.Ordinal);
            Assert.DoesNotContain("requiresEncryption", xml, StringComparison.Ordinal);
        });
        await using var after = DataProtectionOn(database.CreateDbContext, TestKeys.Keys);
        Assert.True(Links(after).TryRead(sent, LinkPurpose.Unsubscribe).Succeeded);
    }

    [Fact]
    public void Decrypt_ADamagedOrForeignSecret_SaysSoInsteadOfOpeningIt()
    {
        var sealedElement = new KeyRingEncryptor(TestKeys.Keys).Encrypt(new System.Xml.Linq.XElement("secret", "value")).EncryptedElement;
        using var services = new ServiceCollection().AddSingleton(OtherKeys()).BuildServiceProvider();

        Assert.Throws<CryptographicException>(() => new KeyRingDecryptor(services).Decrypt(sealedElement));
        Assert.Throws<CryptographicException>(() => new KeyRingDecryptor(services).Decrypt(new System.Xml.Linq.XElement("x", "not base64!")));
    }

    /// <summary>The app's own Data Protection registration on a database; <paramref name="keys"/> null: as before sealing.</summary>
    private static ServiceProvider DataProtectionOn(Func<AppDbContext> contexts, PersonalDataKeys? keys)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddScoped(_ => contexts());
        services.AddDataProtection().SetApplicationName("PreferenceCenter").PersistKeysToDbContext<AppDbContext>();
        if (keys is not null)
        {
            services.AddSingleton(keys).AddKeyRingSealing();
        }

        return services.BuildServiceProvider();
    }

    private static LinkTokens Links(IServiceProvider services) =>
        new(services.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System);

    private static PersonalDataKeys OtherKeys() => PersonalDataKeys.From(new PersonalDataOptions
    {
        MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalDataOptions.KeyLength)),
        BlindIndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalDataOptions.KeyLength)),
        SuppressionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalDataOptions.KeyLength)),
    });

    private static async Task<List<string>> StoredKeysAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    /// <returns>The copy's path.</returns>
    private static async Task<string> CopyOfFileAsync(TestDatabase database)
    {
        await database.ExecuteRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var copy = Path.Combine(Path.GetTempPath(), $"pc-stolen-{Guid.NewGuid():N}.db");
        File.Copy(database.Path, copy);
        return copy;
    }
}
