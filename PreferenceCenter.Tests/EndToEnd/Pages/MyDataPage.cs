using System.Text.Json;
using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/my-data, interactive: everything held, and the JSON download link.</summary>
public sealed class MyDataPage(IPage page, AppHost app)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Section(string heading) => page.GetByRole(AriaRole.Region, new() { Name = heading, Exact = true });

    public async Task<MyDataPage> OpenAsync()
    {
        await BlazorCircuit.GotoAsync(page, app.Url("my-data"));
        return this;
    }

    /// <summary>Follows "Download my data" and returns the file's name and parsed JSON.</summary>
    public async Task<(string FileName, JsonDocument Json)> DownloadAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download my data (JSON)", Exact = true }).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        return (download.SuggestedFilename, await JsonDocument.ParseAsync(stream));
    }
}
