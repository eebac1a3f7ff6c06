using Microsoft.Extensions.Logging.Abstractions;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.PersonalData;

public sealed class PersonalDataProtectorTests
{
    [Fact]
    public async Task ProtectThenUnprotect_GivesBackTheText_SealedDifferentlyEachTime()
    {
        await using var database = await TestDatabase.CreateAsync();
        var customer = Guid.NewGuid();

        var first = await database.Protector.ProtectAsync(customer, "Ada Lovelace — 𝔄da");
        var second = await database.Protector.ProtectAsync(customer, "Ada Lovelace — 𝔄da");

        Assert.StartsWith(ProtectedText.Prefix, first, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal("Ada Lovelace — 𝔄da", await database.Protector.UnprotectAsync(customer, first));
        Assert.Null(await database.Protector.UnprotectAsync(customer, null));
    }

    [Fact]
    public async Task AnotherCustomersValue_IsRefusedNotGarbled()
    {
        await using var database = await TestDatabase.CreateAsync();
        var ada = Guid.NewGuid();
        var bob = Guid.NewGuid();
        var sealedForAda = await database.Protector.ProtectAsync(ada, "ada@example.com");
        await database.Protector.ProtectAsync(bob, "bob@example.com");

        var error = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => database.Protector.UnprotectAsync(bob, sealedForAda));

        Assert.Contains("not sealed with their key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongMasterKey_CannotUnwrapTheStoredKey()
    {
        await using var database = await TestDatabase.CreateAsync();
        var customer = Guid.NewGuid();
        var sealedText = await database.Protector.ProtectAsync(customer, "ada@example.com");
        var otherMaster = PersonalDataKeys.From(new PersonalDataOptions
        {
            MasterKey = Convert.ToBase64String(new byte[32]), BlindIndexKey = TestKeys.Settings[1].Value, SuppressionKey = TestKeys.Settings[2].Value,
        });
        CustomerKeyStore wrongStore = database.IsPostgreSql
            ? new PostgreSqlCustomerKeyStore(database.KeyStore.ConnectionString, otherMaster, TimeProvider.System, NullLogger<PostgreSqlCustomerKeyStore>.Instance)
            : new SqliteCustomerKeyStore(database.KeyStore.ConnectionString, otherMaster, TimeProvider.System);

        var error = await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => new PersonalDataProtector(wrongStore).UnprotectAsync(customer, sealedText));

        Assert.Contains("PersonalData:MasterKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADestroyedKey_MakesTheDataUnreadableForGood()
    {
        await using var database = await TestDatabase.CreateAsync();
        var customer = Guid.NewGuid();
        var sealedText = await database.Protector.ProtectAsync(customer, "ada@example.com");

        Assert.True(await database.KeyStore.DestroyAsync(customer));

        Assert.False(await database.KeyStore.DestroyAsync(customer));
        Assert.Null(await database.Protector.ForReadingAsync(customer));
        await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => database.Protector.UnprotectAsync(customer, sealedText));
        // No late write can mint a fresh key for an erased customer.
        await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => database.Protector.ProtectAsync(customer, "new"));
    }

    [Fact]
    public async Task ADamagedOrUnversionedValue_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var customer = Guid.NewGuid();
        var sealedText = await database.Protector.ProtectAsync(customer, "ada@example.com");
        var bytes = Convert.FromBase64String(sealedText![ProtectedText.Prefix.Length..]);
        bytes[20] ^= 0x01;
        var flipped = ProtectedText.Prefix + Convert.ToBase64String(bytes);

        await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => database.Protector.UnprotectAsync(customer, flipped));
        await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => database.Protector.UnprotectAsync(customer, "ada@example.com"));
    }

    [Fact]
    public async Task TheKeyStore_HoldsOnlyWrappedKeys()
    {
        await using var database = await TestDatabase.CreateAsync();
        var customer = Guid.NewGuid();
        using (var cipher = await database.Protector.ForWritingAsync(customer))
        {
            cipher.Protect("x");
        }

        await using var connection = await database.OpenConnectionAsync(keyStore: true);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT length("WrappedKey") FROM "CustomerKeys" """;
        // 32-byte key + 12-byte nonce + 16-byte tag: wrapped, never the bare key.
        Assert.Equal(60L, Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
