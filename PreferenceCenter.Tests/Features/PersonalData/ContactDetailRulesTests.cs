using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.Features.PersonalData;

public sealed class ContactDetailRulesTests
{
    [Theory]
    [InlineData(" +39 333 123 4567 ", "+39 333 123 4567")]
    [InlineData("+1 (415) 555-0100", "+1 (415) 555-0100")]
    [InlineData("0039 333 1234567", "0039 333 1234567")] // 00 is the international prefix: the same number as +39
    public void An_international_number_is_kept_as_typed(string typed, string stored)
    {
        Assert.Null(ContactDetailRules.CheckPhone(typed, out var clean));
        Assert.Equal(stored, clean);
    }

    [Theory]
    [InlineData("333 123 4567")] // national: which country?
    [InlineData("+39 12")] // too short
    [InlineData("+39 333 123 4567 8901 2")] // 16 digits: longer than E.164 allows
    [InlineData("+39 333 CALL ME")]
    [InlineData("")]
    public void Anything_else_is_not_an_international_number(string typed) =>
        Assert.Equal(ProfileChangeOutcome.PhoneNotInternational, ContactDetailRules.CheckPhone(typed, out _));

    [Fact]
    public void A_postal_address_is_kept_as_trimmed_lines()
    {
        Assert.Null(ContactDetailRules.CheckPostalAddress("  Via Roma 1 \r\n\r\n 20121 Milano\n Italy ", out var clean));
        Assert.Equal("Via Roma 1\n20121 Milano\nItaly", clean);
    }

    [Theory]
    [InlineData("Via Roma 1")] // one line: no town
    [InlineData("1\n2\n3\n4\n5\n6\n7")] // seven lines
    [InlineData("Via Roma 1\n20121 Milano\u0007")] // a control character
    public void A_postal_address_that_cannot_be_one_is_refused(string typed) =>
        Assert.Equal(ProfileChangeOutcome.PostalAddressInvalid, ContactDetailRules.CheckPostalAddress(typed, out _));

    [Fact]
    public void A_line_over_100_characters_is_refused() =>
        Assert.Equal(ProfileChangeOutcome.PostalAddressInvalid, ContactDetailRules.CheckPostalAddress(new string('a', 101) + "\nMilano", out _));

    [Theory]
    [InlineData(Channel.Email, null, null, null)]
    [InlineData(Channel.Sms, null, null, ContactDetail.Phone)]
    [InlineData(Channel.Phone, null, "V••• … 2•••", ContactDetail.Phone)]
    [InlineData(Channel.Sms, "+39 ••• ••• •67", null, null)]
    [InlineData(Channel.Post, "+39 ••• ••• •67", null, ContactDetail.PostalAddress)]
    [InlineData(Channel.Post, null, "V••• … 2•••", null)]
    [InlineData(Channel.Push, "+39 ••• ••• •67", "V••• … 2•••", ContactDetail.App)]
    public void A_channel_needs_its_detail_before_it_can_be_turned_on(Channel channel, string? phone, string? address, ContactDetail? missing) =>
        Assert.Equal(missing, new HeldContactDetails(phone, address).MissingFor(channel));

    [Theory]
    [InlineData("Via Roma 1\n20121 Milano", "V••• … 2•••")]
    [InlineData("Box 7", "B•••")]
    [InlineData(null, null)]
    public void A_postal_address_is_masked_to_two_initials(string? address, string? masked) =>
        Assert.Equal(masked, PersonalDataMasker.MaskPostalAddress(address));
}
