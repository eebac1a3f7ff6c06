using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.Features.PersonalData;

public sealed class CustomerProfileServiceTests
{
    [Fact]
    public async Task SignUpAndEdit_StoreOnlySealedValuesAndLedgerTheFieldNames()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync("Ada@Example.com");

        var saved = await fixture.Profiles.UpdateAsync(ada, new ProfileEdit("  Ada Lovelace ", "+39 333 123 4567"), Actor.Customer(ada), ChangeSource.Web);

        Assert.Equal(ProfileChangeOutcome.Saved, saved);
        Assert.Equal(new CustomerProfileView("Ada Lovelace", "Ada@Example.com", "+39 333 123 4567", 2), await fixture.Profiles.GetAsync(ada));
        await using var db = fixture.Database.CreateDbContext();
        var row = await db.CustomerProfiles.SingleAsync();
        Assert.All(new[] { row.Name, row.Email, row.Phone }, v => Assert.StartsWith(ProtectedText.Prefix, v, StringComparison.Ordinal));
        Assert.Equal((fixture.Index.OfEmail("ada@example.com"), fixture.Index.OfPhone("+393331234567")), (row.EmailIndex, row.PhoneIndex));
        var entry = await db.LedgerEntries.SingleAsync(e => e.EventType == LedgerEventType.ProfileChanged);
        Assert.Equal((ada, "name,phone", (string?)null, (string?)null), (entry.SubjectId!.Value, entry.Detail, entry.Before, entry.After));
    }

    [Fact]
    public async Task TheSameValuesAgain_WriteNothing()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync("ada@example.com");
        await fixture.Profiles.UpdateAsync(ada, new ProfileEdit("Ada", null), Actor.Customer(ada), ChangeSource.Web);

        var again = await fixture.Profiles.UpdateAsync(ada, new ProfileEdit(" Ada ", "  "), Actor.Customer(ada), ChangeSource.Web);

        Assert.Equal(ProfileChangeOutcome.Unchanged, again);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ProfileChanged));
    }

    [Theory]
    [InlineData(101, "+39 333", ProfileChangeOutcome.NameTooLong)]
    [InlineData(3, "call me", ProfileChangeOutcome.PhoneInvalid)]
    [InlineData(3, "+1", ProfileChangeOutcome.PhoneInvalid)]
    public async Task BadInput_IsRefusedAndNothingIsWritten(int nameLength, string phone, ProfileChangeOutcome expected)
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync("ada@example.com");

        var outcome = await fixture.Profiles.UpdateAsync(ada, new ProfileEdit(new string('a', nameLength), phone), Actor.Customer(ada), ChangeSource.Web);

        Assert.Equal(expected, outcome);
        Assert.Equal(new CustomerProfileView(null, "ada@example.com", null, 1), await fixture.Profiles.GetAsync(ada));
    }

    [Fact]
    public async Task AConfirmedEmailChange_MovesTheSealedCopyAndTheLookup()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync("ada@example.com");
        await using var db = fixture.Database.CreateDbContext();
        var userId = (await db.Customers.SingleAsync()).UserId!;

        await fixture.Profiles.SetEmailForUserAsync(userId, "ada@lovelace.org");

        Assert.Equal("ada@lovelace.org", (await fixture.Profiles.GetAsync(ada))!.Email);
        Assert.Equal(ada, await fixture.Lookup.FindByEmailAsync("ada@lovelace.org"));
        Assert.Null(await fixture.Lookup.FindByEmailAsync("ada@example.com"));
    }

    [Fact]
    public async Task A_contact_detail_for_a_channel_is_sealed_ledgered_by_name_and_shown_masked()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync("ada@example.com");

        Assert.Equal(ProfileChangeOutcome.Saved, await fixture.Profiles.SetContactDetailAsync(ada, ContactDetail.Phone, "+39 333 123 4567", Actor.Customer(ada), ChangeSource.Web));
        Assert.Equal(ProfileChangeOutcome.Saved, await fixture.Profiles.SetContactDetailAsync(ada, ContactDetail.PostalAddress, "Via Roma 1\n20121 Milano", Actor.Customer(ada), ChangeSource.Web));

        Assert.Equal(new HeldContactDetails("+39 ••• ••• •67", "V••• … 2•••"), await fixture.Profiles.GetHeldDetailsAsync(ada));
        Assert.Equal("Via Roma 1\n20121 Milano", (await fixture.Profiles.GetAsync(ada))!.PostalAddress);
        await using var db = fixture.Database.CreateDbContext();
        var row = await db.CustomerProfiles.SingleAsync();
        Assert.StartsWith(ProtectedText.Prefix, row.PostalAddress, StringComparison.Ordinal);
        Assert.Equal(fixture.Index.OfPhone("+393331234567"), row.PhoneIndex);
        Assert.Equal(["phone", "postal-address"], await db.LedgerEntries.Where(e => e.EventType == LedgerEventType.ProfileChanged).OrderBy(e => e.Sequence).Select(e => e.Detail).ToListAsync());
    }

    [Fact]
    public async Task A_bad_contact_detail_changes_nothing_and_a_blank_one_removes_it()
    {
        await using var fixture = await PersonalDataFixture.CreateAsync();
        var ada = await fixture.SignUpAsync("ada@example.com");
        await fixture.Profiles.SetContactDetailAsync(ada, ContactDetail.PostalAddress, "Via Roma 1\n20121 Milano", Actor.Customer(ada), ChangeSource.Web);

        Assert.Equal(ProfileChangeOutcome.PhoneNotInternational, await fixture.Profiles.SetContactDetailAsync(ada, ContactDetail.Phone, "333 123 4567", Actor.Customer(ada), ChangeSource.Web));
        Assert.Equal(ProfileChangeOutcome.PostalAddressInvalid, await fixture.Profiles.SetContactDetailAsync(ada, ContactDetail.PostalAddress, "Milano", Actor.Customer(ada), ChangeSource.Web));
        Assert.Equal(new HeldContactDetails(null, "V••• … 2•••"), await fixture.Profiles.GetHeldDetailsAsync(ada));

        Assert.Equal(ProfileChangeOutcome.Saved, await fixture.Profiles.SetContactDetailAsync(ada, ContactDetail.PostalAddress, "  ", Actor.Customer(ada), ChangeSource.Web));
        Assert.Equal(HeldContactDetails.None, await fixture.Profiles.GetHeldDetailsAsync(ada));
    }
}
