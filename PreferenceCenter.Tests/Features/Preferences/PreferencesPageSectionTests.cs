using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences;

/// <summary>
/// The customer's sections as they live on /preferences: real services on a real database, outcomes read from the
/// page's live region and checked again in the store.
/// </summary>
public abstract class PreferencesPageSectionTests : PageTestBase
{
    protected IRenderedComponent<PreferencesPage> RenderPage()
    {
        var cut = Render<PreferencesPage>();
        cut.WaitForElement("section.feedback");
        WaitUntilLoaded(cut);
        return cut;
    }

    protected static string Status(IRenderedComponent<PreferencesPage> cut) => cut.Find("[role=status]").TextContent.Trim();

    protected static void WaitForStatus(IRenderedComponent<PreferencesPage> cut, string expected) =>
        cut.WaitForAssertion(() => Assert.Equal(expected, Status(cut)));

    /// <summary>The fieldset whose legend reads <paramref name="legend"/>.</summary>
    protected static IElement Group(IRenderedComponent<PreferencesPage> cut, string legend) =>
        cut.FindAll("fieldset").Single(f => f.Children.FirstOrDefault(c => c.LocalName == "legend")?.TextContent.Trim() == legend);

    protected static IElement Button(IElement scope, string text) =>
        scope.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>The input inside the label that reads <paramref name="label"/> (MudBlazor's radios and checkboxes).</summary>
    protected static IElement LabelledInput(IElement scope, string label) =>
        scope.QuerySelectorAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!;

    protected static Task ClickAsync(IElement element) => element.ClickAsync(new MouseEventArgs());

    protected static Task ChangeAsync(IElement element, object? value) => element.ChangeAsync(new ChangeEventArgs { Value = value });

    protected async Task<int> LedgerEntriesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.LedgerEntries.CountAsync();
    }
}
