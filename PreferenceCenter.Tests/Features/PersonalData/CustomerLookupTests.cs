namespace PreferenceCenter.Tests.Features.PersonalData;

public sealed class CustomerLookupTests
{
    [Fact]
    public async Task FindsByEmailPhoneAndReference_ExactMatchesOnly()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.AdaAsync();
        var bob = await fixture.SignUpAsync("bob@example.com");
        await using var db = fixture.Database.CreateDbContext();
        var bobReference = db.Customers.Single(c => c.Id == bob).Reference;

        Assert.Equal(ada, await fixture.Lookup.FindByEmailAsync(" ADA@example.com"));
        Assert.Equal(ada, await fixture.Lookup.FindByPhoneAsync("0039 333 1234567"));
        Assert.Equal(bob, await fixture.Lookup.FindByReferenceAsync(bobReference.ToLowerInvariant() + " "));
        Assert.Null(await fixture.Lookup.FindByEmailAsync("ada@example"));
        Assert.Null(await fixture.Lookup.FindByPhoneAsync("333 123 4567"));
        Assert.Null(await fixture.Lookup.FindByReferenceAsync(bobReference[..^1]));
        Assert.Null(await fixture.Lookup.FindByEmailAsync(""));
    }

    [Fact]
    public async Task AnErasedCustomer_IsNotFound()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.AdaAsync();
        await using var db = fixture.Database.CreateDbContext();
        var reference = db.Customers.Single(c => c.Id == ada).Reference;

        await fixture.Executor.ExecuteAsync(ada, PersonalDataFixture.Officer);

        Assert.Null(await fixture.Lookup.FindByEmailAsync("ada@example.com"));
        Assert.Null(await fixture.Lookup.FindByPhoneAsync("+39 333 123 4567"));
        Assert.Null(await fixture.Lookup.FindByReferenceAsync(reference));
        Assert.Null(await fixture.Profiles.GetAsync(ada));
    }
}
