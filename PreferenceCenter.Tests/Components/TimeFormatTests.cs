using System.Globalization;
using PreferenceCenter.Components.Common;

namespace PreferenceCenter.Tests.Components;

public sealed class TimeFormatTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void DateAndTime_WithTheReadersZone_ShowsTheirClock() =>
        Assert.Equal("23 Nov 2026, 11:14", TimeFormat.DateAndTime(Recorded, English, ReaderTimeZone.From("Europe/Rome")));

    [Fact]
    public void DateAndTime_InSummerTime_FollowsTheZonesRules() =>
        Assert.Equal("23 Jul 2026, 12:14", TimeFormat.DateAndTime(Recorded.AddMonths(-4), English, ReaderTimeZone.From("Europe/Rome")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    public void DateAndTime_WhenTheZoneIsUnknown_ShowsUtcAndSaysSo(string? zone) =>
        Assert.Equal("23 Nov 2026, 10:14 UTC", TimeFormat.DateAndTime(Recorded, English, ReaderTimeZone.From(zone)));

    [Fact]
    public void DateAndTime_UsesTheReadersLanguageForTheMonth() =>
        Assert.Equal("23 nov 2026, 11:14", TimeFormat.DateAndTime(Recorded, CultureInfo.GetCultureInfo("it"), ReaderTimeZone.From("Europe/Rome")));
}
