using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Tests.Features.Preferences.ContactRules;

public sealed class PauseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    [Theory]
    [InlineData(PauseLength.OneWeek, "2026-11-30T10:14:00Z")]
    [InlineData(PauseLength.OneMonth, "2026-12-23T10:14:00Z")]
    [InlineData(PauseLength.ThreeMonths, "2027-02-23T10:14:00Z")]
    public void EndOf_FixedLengths_CountFromNow(PauseLength length, string expected)
    {
        var (until, problem) = PauseRules.EndOf(length, null, Now, TimeZoneInfo.Utc);

        Assert.Null(problem);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), until);
    }

    [Fact]
    public void EndOf_APickedDate_EndsAtThatDaysMidnightOnTheReadersClock()
    {
        var (until, problem) = PauseRules.EndOf(PauseLength.UntilDate, new DateOnly(2027, 1, 10), Now, Rome);

        Assert.Null(problem);
        Assert.Equal(new DateTimeOffset(2027, 1, 9, 23, 0, 0, TimeSpan.Zero), until);
    }

    [Theory]
    [InlineData(null, PreferenceProblem.PauseDateMissing)]
    [InlineData("2026-11-22", PreferenceProblem.PauseInPast)]
    [InlineData("2026-11-23", PreferenceProblem.PauseInPast)]
    [InlineData("2026-11-24", null)]
    [InlineData("2027-11-23", null)]
    [InlineData("2027-11-24", PreferenceProblem.PauseTooFar)]
    public void EndOf_APickedDate_MustBeAfterTodayAndWithinAYear(string? picked, PreferenceProblem? expected)
    {
        var date = picked is null ? (DateOnly?)null : DateOnly.Parse(picked, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, PauseRules.EndOf(PauseLength.UntilDate, date, Now, Rome).Problem);
    }

    [Theory]
    [InlineData(-1, PreferenceProblem.PauseInPast)]
    [InlineData(0, PreferenceProblem.PauseInPast)]
    [InlineData(1, null)]
    [InlineData(366, null)]
    [InlineData(368, PreferenceProblem.PauseTooFar)]
    public void Check_AnEndComputedElsewhere_IsCheckedAgain(int daysAhead, PreferenceProblem? expected) =>
        Assert.Equal(expected, PauseRules.Check(Now.AddDays(daysAhead), Now));
}
