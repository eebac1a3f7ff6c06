using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// Base for component tests. MudBlazor's services are only asynchronously disposable, and xunit disposes test
/// classes synchronously unless they implement <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected ComponentTestBase(string culture = "en") => this.AddPreferenceCenterTestServices(culture);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await CleanUpAsync();
    }

    /// <summary>
    /// Waits until no part of the page still says "Loading…". On SQLite a page's queries complete synchronously, so every
    /// section is loaded by the first render; PostgreSQL's truly await, so sections arrive in later renders, and a test
    /// that finds an element (or clicks) before then reads a half-drawn page.
    /// </summary>
    protected void WaitUntilLoaded<TComponent>(IRenderedComponent<TComponent> cut) where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        var loading = Services.GetRequiredService<IStringLocalizer<SharedResource>>()["Common.Loading"].Value;
        cut.WaitForState(() => !cut.Markup.Contains(loading, StringComparison.Ordinal));
    }

    /// <summary>
    /// Clicks the one button labelled <paramref name="text"/>, found and clicked on the renderer's thread: a re-render
    /// between finding a button and clicking it (a PostgreSQL query completing) leaves a stale event handler id.
    /// </summary>
    protected static Task ClickButtonAsync<TComponent>(IRenderedComponent<TComponent> cut, string text) where TComponent : IComponent
    {
        ArgumentNullException.ThrowIfNull(cut);
        return cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == text).Click());
    }

    /// <summary>Releases what a derived test class created beyond the render context (databases, files).</summary>
    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;
}
