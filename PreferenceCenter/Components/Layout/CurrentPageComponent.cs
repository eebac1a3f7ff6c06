using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace PreferenceCenter.Components.Layout;

/// <summary>
/// Knows the page the reader is on, for header forms that must bring them back to it (sign-out, language).
/// </summary>
public abstract class CurrentPageComponent : ComponentBase, IDisposable
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The current page relative to the app's base, without a leading slash ("preferences?x=1").</summary>
    protected string CurrentPath { get; private set; } = string.Empty;

    protected override void OnInitialized()
    {
        CurrentPath = Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Navigation.LocationChanged -= OnLocationChanged;
        }
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        CurrentPath = Navigation.ToBaseRelativePath(e.Location);
        StateHasChanged();
    }
}
