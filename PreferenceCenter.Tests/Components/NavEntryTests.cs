using PreferenceCenter.Components.Layout;

namespace PreferenceCenter.Tests.Components;

public sealed class NavEntryTests
{
    [Theory]
    [InlineData("history", true)]
    [InlineData("history?page=2", true)]
    [InlineData("History#top", true)]
    [InlineData("history/", true)]
    [InlineData("history/2026", true)]
    [InlineData("historyx", false)]
    [InlineData("", false)]
    [InlineData("preferences", false)]
    public void IsCurrent_OnItsPageOrAPageUnderIt(string currentPath, bool current) =>
        Assert.Equal(current, new NavEntry("history", "Nav.History").IsCurrent(currentPath));

    [Theory]
    [InlineData("admin", true)]
    [InlineData("admin?x=1", true)]
    [InlineData("admin/questions", false)]
    public void IsCurrent_WhenExact_OnlyOnItsOwnPage(string currentPath, bool current) =>
        Assert.Equal(current, new NavEntry("admin", "Compliance.Nav", Exact: true).IsCurrent(currentPath));
}
