using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.Features.Erasure;

namespace PreferenceCenter.Tests.Features.PersonalData;

/// <summary>Identity's own flows through <see cref="SealedUserStore"/>: the row holds ciphertext, Identity sees the address.</summary>
public sealed class SealedUserStoreTests : IAsyncLifetime
{
    private ErasureFixture fixture = null!;

    public async Task InitializeAsync() => fixture = await ErasureFixture.CreateAsync();

    public async Task DisposeAsync() => await fixture.DisposeAsync();

    [Fact]
    public async Task ChangingTheEmail_AsConfirmEmailChangeDoes_FindsTheUserByTheNewAddressOnly_AndStoresItSealed()
    {
        const string newEmail = "new.address@example.com";
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(fixture.Email))!;

        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        Assert.True((await users.ChangeEmailAsync(user, newEmail, token)).Succeeded);
        Assert.True((await users.SetUserNameAsync(user, newEmail)).Succeeded);

        Assert.Null(await users.FindByEmailAsync(fixture.Email));
        var found = await users.FindByNameAsync(newEmail.ToUpperInvariant());
        Assert.Equal(user.Id, found?.Id);
        Assert.Equal((newEmail, newEmail), (await users.GetEmailAsync(found!), await users.GetUserNameAsync(found!)));
        await AssertRowSealedAsync(user.Id);
        Assert.Empty(FileScan.Find(await fixture.Database.FilesAsync(), newEmail));
    }

    [Theory]
    [InlineData("josé.niño@example.es")]
    [InlineData("info@müller.de")]
    public async Task AnInternationalAddress_IsAValidUserName(string address)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { Id = Guid.NewGuid().ToString(), UserName = address, Email = address };

        var created = await users.CreateAsync(user, "Fresh!Start42");

        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.Equal(user.Id, (await users.FindByEmailAsync(address))?.Id);
    }

    [Fact]
    public async Task TheLongestAddressTheFormsAccept_StoredSealed_FitsTheColumnsTheModelDeclares()
    {
        // SQLite ignores declared lengths; a server database enforces them, so the declared length must hold a sealed
        // address of the longest length the forms accept, written in the widest UTF-8 characters.
        var longest = new string('€', ProfileRules.EmailMaxLength - "@example.com".Length) + "@example.com";
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(fixture.Email))!;

        Assert.True((await users.SetEmailAsync(user, longest)).Succeeded);
        Assert.True((await users.SetUserNameAsync(user, longest)).Succeeded);

        await using var db = fixture.Database.CreateDbContext();
        var row = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        var declared = db.Model.FindEntityType(typeof(ApplicationUser))!;
        Assert.InRange(row.Email!.Length, longest.Length + 1, declared.FindProperty(nameof(ApplicationUser.Email))!.GetMaxLength()!.Value);
        Assert.InRange(row.UserName!.Length, longest.Length + 1, declared.FindProperty(nameof(ApplicationUser.UserName))!.GetMaxLength()!.Value);
    }

    [Fact]
    public async Task FailedSignIns_LockTheAccountOut_AndEachUpdateKeepsTheValuesSealedOnce()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(fixture.Email))!;

        for (var i = 0; i < users.Options.Lockout.MaxFailedAccessAttempts; i++)
        {
            Assert.False(await users.CheckPasswordAsync(user, "not-my-password"));
            await users.AccessFailedAsync(user);
        }

        Assert.True(await users.IsLockedOutAsync(user));
        Assert.True(await users.CheckPasswordAsync(user, ErasureServices.Password));
        Assert.Equal(fixture.Email, await users.GetEmailAsync((await users.FindByIdAsync(user.Id))!));
        await AssertRowSealedAsync(user.Id);
    }

    [Fact]
    public async Task RegisteringTheSameAddressAgain_IsADuplicate_AndDeletingAUserDestroysItsKey()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var store = (IUserEmailStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
        var twin = new ApplicationUser();
        await store.SetUserNameAsync(twin, fixture.Email.ToUpperInvariant(), CancellationToken.None);
        await store.SetEmailAsync(twin, fixture.Email.ToUpperInvariant(), CancellationToken.None);

        var duplicate = await users.CreateAsync(twin, ErasureServices.Password);

        Assert.Equal(["DuplicateUserName", "DuplicateEmail"], duplicate.Errors.Select(e => e.Code));
        var other = new ApplicationUser { UserName = "other@example.com", Email = "other@example.com" };
        Assert.True((await users.CreateAsync(other, ErasureServices.Password)).Succeeded);
        Assert.True(AccountSealer.IsSealed(other.Email));
        Assert.True((await users.DeleteAsync(other)).Succeeded);
        Assert.Equal((null, true), await fixture.Database.KeyStore.FindAsync(Guid.Parse(other.Id)));
    }

    private async Task AssertRowSealedAsync(string userId)
    {
        await using var db = fixture.Database.CreateDbContext();
        var row = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId);
        Assert.True(AccountSealer.IsSealed(row.UserName) && AccountSealer.IsSealed(row.Email), $"Stored as '{row.UserName}', '{row.Email}'.");
    }
}
