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
/// live region they report in (the panel's, or the static questionnaire's own) and checked again in the store.
/// </summary>
public abstract class PreferencesPageSectionTests : PageTestBase
{
    protected IRenderedComponent<PreferencesPanel> RenderPage()
    {
        var cut = Render<PreferencesPanel>();
        cut.WaitForElement("section.feedback");
        WaitUntilLoaded(cut);
        return cut;
    }

    /// <summary>The first live region in <paramref name="cut"/>: the panel's, or the static questionnaire's own.</summary>
    protected static string Status<TComponent>(IRenderedComponent<TComponent> cut) where TComponent : IComponent =>
        cut.Find("[role=status]").TextContent.Trim();

    protected static void WaitForStatus<TComponent>(IRenderedComponent<TComponent> cut, string expected) where TComponent : IComponent =>
        cut.WaitForAssertion(() => Assert.Equal(expected, Status(cut)));

    /// <summary>The fieldset whose legend reads <paramref name="legend"/>.</summary>
    protected static IElement Group<TComponent>(IRenderedComponent<TComponent> cut, string legend) where TComponent : IComponent =>
        cut.FindAll("fieldset").Single(f => f.Children.FirstOrDefault(c => c.LocalName == "legend")?.TextContent.Trim() == legend);

    protected static IElement Button(IElement scope, string text) =>
        scope.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>The input inside the label that reads <paramref name="label"/> (the native radios and checkboxes).</summary>
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
