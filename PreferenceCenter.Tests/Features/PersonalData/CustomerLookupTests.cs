namespace PreferenceCenter.Tests.Features.PersonalData;

public sealed class CustomerLookupTests
{
    [Fact]
    public async Task FindsByEmailPhoneAndReference_ExactMatchesOnly()
    {
        await using var f = await PersonalDataFixture.CreateAsync();
        var ada = await f.AdaAsync();
        var bob = await f.SignUpAsync("bob@example.com");
        await using var db = f.Database.CreateDbContext();
        var bobReference = db.Customers.Single(c => c.Id == bob).Reference;

        Assert.Equal(ada, await f.Lookup.FindByEmailAsync(" ADA@example.com"));
        Assert.Equal(ada, await f.Lookup.FindByPhoneAsync("0039 333 1234567"));
        Assert.Equal(bob, await f.Lookup.FindByReferenceAsync(bobReference.ToLowerInvariant() + " "));
        Assert.Null(await f.Lookup.FindByEmailAsync("ada@example"));
        Assert.Null(await f.Lookup.FindByPhoneAsync("333 123 4567"));
        Assert.Null(await f.Lookup.FindByReferenceAsync(bobReference[..^1]));
        Assert.Null(await f.Lookup.FindByEmailAsync(""));
    }

    [Fact]
    public async Task AnErasedCustomer_IsNotFound()
    {
        await using var f = await PersonalDataFixture.CreateAsync();
        var ada = await f.AdaAsync();
        await using var db = f.Database.CreateDbContext();
        var reference = db.Customers.Single(c => c.Id == ada).Reference;

        await f.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Null(await f.Lookup.FindByEmailAsync("ada@example.com"));
        Assert.Null(await f.Lookup.FindByPhoneAsync("+39 333 123 4567"));
        Assert.Null(await f.Lookup.FindByReferenceAsync(reference));
        Assert.Null(await f.Profiles.GetAsync(ada));
    }
}
