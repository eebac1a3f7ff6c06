using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.PersonalData;

/// <summary>The key store's rules on PostgreSQL, in a database of its own on test.sh's throw-away cluster.</summary>
public sealed class PostgreSqlCustomerKeyStoreTests
{
    [PostgreSqlFact]
    public async Task Keys_AreMadeOnFirstUse_KeptAfter_AndWrappedNotStoredInTheClear()
    {
        await using var pair = await PostgreSqlPair.CreateAsync();
        var ada = Guid.NewGuid();

        var made = await pair.KeyStore.GetOrCreateAsync(ada);

        Assert.Equal(made, await pair.KeyStore.GetOrCreateAsync(ada));
        var (found, destroyed) = await pair.KeyStore.FindAsync(ada);
        Assert.Equal(made, found);
        Assert.False(destroyed);
        var stored = (byte[])(await pair.Keys.ScalarAsync($"SELECT \"WrappedKey\" FROM \"CustomerKeys\" WHERE \"CustomerId\" = '{ada}'"))!;
        Assert.Equal(-1, stored.AsSpan().IndexOf(made));
        Assert.Equal((null, false), await pair.KeyStore.FindAsync(Guid.NewGuid()));
        // Initialising again (a restart, a second instance) keeps what is there.
        await pair.KeyStore.InitializeAsync();
        Assert.Equal(made, await pair.KeyStore.GetOrCreateAsync(ada));
    }

    [PostgreSqlFact]
    public async Task FirstUsesRacing_AllGetTheOneKeyThatWasStored()
    {
        await using var pair = await PostgreSqlPair.CreateAsync();
        var ada = Guid.NewGuid();
        var otherInstance = new PostgreSqlCustomerKeyStore(pair.Keys.ConnectionString, TestKeys.Keys, TimeProvider.System, NullLogger<PostgreSqlCustomerKeyStore>.Instance);

        var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(n => (n % 2 == 0 ? pair.KeyStore : otherInstance).GetOrCreateAsync(ada)));

        Assert.All(keys, key => Assert.Equal(keys[0], key));
        Assert.Equal(1L, await pair.Keys.ScalarAsync("SELECT count(*) FROM \"CustomerKeys\""));
    }

    [PostgreSqlFact]
    public async Task Many_MakesMissingKeys_KeepsExistingOnes_LeavesTheErasedOut_AndFindsThemInOneGo()
    {
        await using var pair = await PostgreSqlPair.CreateAsync();
        var (existing, fresh, erased, stranger) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var existingKey = await pair.KeyStore.GetOrCreateAsync(existing);
        await pair.KeyStore.GetOrCreateAsync(erased);
        await pair.KeyStore.DestroyAsync(erased);

        var made = await pair.KeyStore.GetOrCreateManyAsync([existing, fresh, erased, fresh]);

        Assert.Equal(new[] { existing, fresh }.Order(), made.Keys.Order());
        Assert.Equal(existingKey, made[existing]);
        Assert.Equal(made[fresh], await pair.KeyStore.GetOrCreateAsync(fresh));
        var found = await pair.KeyStore.FindManyAsync([existing, fresh, erased, stranger]);
        Assert.Equal(new[] { existing, fresh }.Order(), found.Keys.Order());
        Assert.Equal(made[fresh], found[fresh]);
        Assert.Empty(await pair.KeyStore.FindManyAsync([]));
    }

    [PostgreSqlFact]
    public async Task Destroy_LeavesATombstone_NoNewKeyIsEverMade_AndRepeatingItIsHarmless()
    {
        await using var pair = await PostgreSqlPair.CreateAsync();
        var ada = Guid.NewGuid();
        await pair.KeyStore.GetOrCreateAsync(ada);

        Assert.True(await pair.KeyStore.DestroyAsync(ada));

        Assert.Equal((null, true), await pair.KeyStore.FindAsync(ada));
        await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => pair.KeyStore.GetOrCreateAsync(ada));
        Assert.False(await pair.KeyStore.DestroyAsync(ada));
        // A customer who never had a key gets the tombstone all the same: a late write cannot mint one for them.
        var never = Guid.NewGuid();
        await pair.KeyStore.DestroyAsync(never);
        await Assert.ThrowsAsync<PersonalDataUnreadableException>(() => pair.KeyStore.GetOrCreateAsync(never));
        Assert.Equal(2L, await pair.Keys.ScalarAsync("SELECT count(*) FROM \"CustomerKeys\" WHERE \"WrappedKey\" IS NULL AND \"DestroyedAt\" IS NOT NULL"));
    }

    [PostgreSqlFact]
    public async Task AnotherMasterKey_CannotUnwrap_AndSaysWhichSettingIsWrong()
    {
        await using var pair = await PostgreSqlPair.CreateAsync();
        var ada = Guid.NewGuid();
        await pair.KeyStore.GetOrCreateAsync(ada);
        var otherMaster = PersonalDataKeys.From(new PersonalDataOptions
        {
            MasterKey = Convert.ToBase64String(new byte[32]), BlindIndexKey = TestKeys.Settings[1].Value, SuppressionKey = TestKeys.Settings[2].Value,
        });

        var refused = await Assert.ThrowsAsync<PersonalDataUnreadableException>(
            () => new PostgreSqlCustomerKeyStore(pair.Keys.ConnectionString, otherMaster, TimeProvider.System, NullLogger<PostgreSqlCustomerKeyStore>.Instance).FindAsync(ada));

        Assert.Contains("PersonalData:MasterKey", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The byte scan on the key store's own files: after a destroy and a CHECKPOINT, neither the wrapped key nor any
    /// 8-byte piece of it is anywhere in the database's files. The control shows why a plain VACUUM would not do: a key
    /// blanked by an UPDATE and then VACUUM leaves pieces of the wrapped bytes in the page's free space.
    /// </summary>
    [PostgreSqlDataFact]
    public async Task Destroy_LeavesNoPieceOfTheWrappedKeyInTheDataFiles_WherePlainVacuumWould()
    {
        await using var pair = await PostgreSqlPair.CreateAsync();
        var (bob, carol, grace) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var wrapped = new Dictionary<Guid, byte[]>();
        async Task MakeKeyAsync(Guid customer)
        {
            await pair.KeyStore.GetOrCreateAsync(customer);
            wrapped[customer] = (byte[])(await pair.Keys.ScalarAsync($"SELECT \"WrappedKey\" FROM \"CustomerKeys\" WHERE \"CustomerId\" = '{customer}'"))!;
        }

        // Control: Carol's key, the newest row (lowest on the page), blanked the way a naive store would, then VACUUM
        // (not FULL): her old version is pruned, but the page is only compacted, and her shorter new version moved over
        // it covers its end only: the start of the old row, with pieces of the key, stays in the page's free space.
        await MakeKeyAsync(bob);
        await MakeKeyAsync(carol);
        Assert.NotEmpty(await ByteScan.PiecesAsync(pair.Keys, wrapped[carol]));
        await pair.Keys.ExecuteRawAsync($"UPDATE \"CustomerKeys\" SET \"WrappedKey\" = NULL WHERE \"CustomerId\" = '{carol}'");
        await pair.Keys.ExecuteRawAsync("VACUUM \"CustomerKeys\"");
        Assert.NotEmpty(await ByteScan.PiecesAsync(pair.Keys, wrapped[carol]));

        // Grace's key, now the newest row in the same place, destroyed by the store.
        await MakeKeyAsync(grace);
        Assert.True(await pair.KeyStore.DestroyAsync(grace));

        Assert.Empty(await ByteScan.PiecesAsync(pair.Keys, wrapped[grace]));
        // The rewrite takes Carol's leftovers with it; Bob's live key is still there for the scan to see.
        Assert.Empty(await ByteScan.PiecesAsync(pair.Keys, wrapped[carol]));
        Assert.NotEmpty(await ByteScan.PiecesAsync(pair.Keys, wrapped[bob]));
        Assert.NotNull((await pair.KeyStore.FindAsync(bob)).Key);
    }
}
