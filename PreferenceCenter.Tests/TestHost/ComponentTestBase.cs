using Bunit;

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

    /// <summary>Releases what a derived test class created beyond the render context (databases, files).</summary>
    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;
}
