using MudBlazor;

namespace PreferenceCenter.Components.Layout;

/// <summary>One theme, with colours checked against WCAG 2.2 AA contrast on white.</summary>
public static class AppTheme
{
    public static readonly MudTheme Light = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#5b3b8c",
            Success = "#1b6e2d",
            Error = "#b3261e",
            Warning = "#8a5300",
            Info = "#135f8a",
            AppbarBackground = "#1f4e8c",
            TextSecondary = "#4a4a4a",
        },
    };
}
