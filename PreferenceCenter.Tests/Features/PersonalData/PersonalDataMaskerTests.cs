using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.Features.PersonalData;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("mario.rossi@example.com", "m•••@e•••.com")]
    [InlineData("MARIO@Example.IT", "M•••@E•••.IT")]
    [InlineData("jo@example.com", "•••@e•••.com")] // two letters: keeping one would give half away
    [InlineData("a@example.com", "•••@e•••.com")]
    [InlineData("mario@x.io", "m•••@•••.io")] // one-letter domain
    [InlineData("mario@mail.example.co.uk", "m•••@m•••.uk")] // only the top-level domain stays readable
    [InlineData("mario@localhost", "m•••@l•••")]
    [InlineData("not-an-address", "•••")]
    [InlineData("@example.com", "•••")]
    [InlineData("mario@", "•••")]
    public void MaskEmail_KeepsAtMostTheFirstLettersAndTheTopLevelDomain(string email, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskEmail(email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Mask_WhenNothingIsOnFile_ReturnsNull(string? value)
    {
        Assert.Null(PersonalDataMasker.MaskEmail(value));
        Assert.Null(PersonalDataMasker.MaskPhone(value));
        Assert.Null(PersonalDataMasker.MaskFreeText(value));
    }

    [Theory]
    [InlineData("+39 333 123 4512", "+39 ••• ••• •12")]
    [InlineData("+393331234512", "+39 ••• ••• •12")]
    [InlineData("0039 333 123-4512", "+39 ••• ••• •12")]
    [InlineData("+1 (415) 555-0134", "+1 ••• ••• •34")] // one-digit country code
    [InlineData("+353 85 123 4567", "+353 ••• ••• •67")] // three-digit country code
    [InlineData("+44 20 7946 0958", "+44 ••• ••• •58")]
    [InlineData("333 123 4512", "••• ••• •12")] // national: no country code to show
    [InlineData("+39 1234", "+39 ••• ••• •••")] // too short to show an ending
    [InlineData("call me", "••• ••• •••")]
    public void MaskPhone_KeepsTheCountryCodeAndTheLastTwoDigits(string phone, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskPhone(phone));

    [Fact]
    public void Masks_HaveOneShape_WhateverTheLength()
    {
        Assert.Equal(PersonalDataMasker.MaskEmail("abc@example.com"), PersonalDataMasker.MaskEmail("abcdefghijklmnop@example.com"));
        Assert.Equal(PersonalDataMasker.MaskPhone("+39 333 000 0012"), PersonalDataMasker.MaskPhone("+39 33 0012"));
    }

    [Fact]
    public void MaskFreeText_NeverShowsAnyOfTheText() =>
        Assert.Equal(PersonalDataMasker.Hidden, PersonalDataMasker.MaskFreeText("I live at Via Roma 1, Milano"));
}
