using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace PreferenceCenter.Components.Layout;

/// <summary>
/// MudBlazor's theme (the palette's CSS custom properties), rendered once from <see cref="AppTheme.Light"/> and sent
/// in every page's static head. A <see cref="MudThemeProvider"/> in the layout instead held its own theme objects and
/// a ~64 KB style string in the render tree of every open circuit (issue 19); nothing here switches themes at run time.
/// </summary>
public sealed class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly Lazy<Task<MarkupString>> markup = new(() => RenderAsync(scopes, loggers));

    public Task<MarkupString> GetAsync() => markup.Value;

    private static async Task<MarkupString> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = AppTheme.Light });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
        return new MarkupString(html);
    }
}
