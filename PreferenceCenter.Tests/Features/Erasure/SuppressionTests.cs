using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.Features.PersonalData;

namespace PreferenceCenter.Tests.Features.Erasure;

public sealed class SuppressionTests
{
    // Ada's email and phone as the app normalises them, with and without the kind prefix the keyed hash uses.
    private static readonly string[] PlainForms = ["ada@example.com", "email:ada@example.com", "+393331234567", "phone:+393331234567"];

    [Fact]
    public async Task SigningUpAgainWithAnErasedEmail_StartsAFreshCustomerMarkedPreviouslyErased()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var old = await fixture.AdaAsync();
        await fixture.Executor.ExecuteAsync(old, PersonalDataFixture.Officer);

        var fresh = await fixture.SignUpAsync(" ADA@example.com");

        Assert.NotEqual(old, fresh);
        await using var db = fixture.Database.CreateDbContext();
        Assert.True((await db.Customers.SingleAsync(c => c.Id == fresh)).PreviouslyErased);
        var events = await db.LedgerEntries.Where(e => e.SubjectId == fresh).OrderBy(e => e.Sequence).Select(e => e.EventType).ToListAsync();
        Assert.Equal([LedgerEventType.CustomerRegistered, LedgerEventType.SignedUpWithErasedAddress], events);
        // Nothing of the old customer follows, and nothing is turned on for marketing.
        Assert.False(await db.Consents.AnyAsync(c => c.CustomerId == fresh));
        Assert.False(await db.Answers.AnyAsync(a => a.CustomerId == fresh));
        Assert.Equal(new CustomerProfileView(null, "ADA@example.com", null, 1), await fixture.Profiles.GetAsync(fresh));
    }

    [Fact]
    public async Task AnImportOfTheErasedPhone_IsRecognised_AndANewAddressIsNot()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var old = await fixture.AdaAsync();
        await fixture.Executor.ExecuteAsync(old, PersonalDataFixture.Officer);

        Assert.True(await fixture.Suppressions.IsSuppressedAsync(email: null, phone: "0039 333 123 4567"));
        Assert.False(await fixture.Suppressions.IsSuppressedAsync("bob@example.com", "+44 20 7946 0000"));
        var bob = await fixture.SignUpAsync("bob@example.com");
        await using var db = fixture.Database.CreateDbContext();
        Assert.False((await db.Customers.SingleAsync(c => c.Id == bob)).PreviouslyErased);
        // The list holds keyed fingerprints only: neither the address nor a plain hash of it.
        var hashes = await db.Suppressions.Select(s => s.Hash).ToListAsync();
        Assert.Equal(2, hashes.Count);
        string[] plainHashes = [.. PlainForms.Select(PlainSha256)];
        Assert.All(hashes, hash =>
        {
            Assert.Matches("^[0-9a-f]{64}$", hash);
            Assert.NotEqual(fixture.Index.OfEmail("ada@example.com"), hash);
            Assert.DoesNotContain(hash, plainHashes);
        });
    }

    private static string PlainSha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
