using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.PersonalData;
using Microsoft.Playwright;
using Npgsql;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd.ScaleOut;

/// <summary>What the scale-out journeys do through the balancer (sign in, an API key, the demo customer's reference) and read from its database.</summary>
public sealed class ScaleOutSessions(BrowserFixture browser, ScaleOutDeployment deployment)
{
    /// <summary>An API client with consents:write and consents:read, made by the demo officer on /admin/api-clients; its key.</summary>
    public async Task<string> NewApiKeyAsync(string name)
    {
        var page = await SignedInAsync(DemoOfficer.Email, DemoOfficer.Password);
        await using var context = page.Context;
        await page.GotoAsync(new Uri(deployment.Url, "admin/api-clients").AbsoluteUri);
        await Expect(page.Locator("#client-name")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.Locator("#client-name").FillAsync(name);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "consents:write — may record consents gathered elsewhere, with evidence" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "consents:read — may read a customer’s consents by reference" }).CheckAsync();
        await page.Locator("#client-limit").FillAsync("1000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{name} was created. Copy its key below.");
        return await page.Locator("#new-key").InputValueAsync();
    }

    public async Task<string> CustomerReferenceAsync()
    {
        var page = await SignedInAsync(DemoCustomer.Email, DemoCustomer.Password);
        await using var context = page.Context;
        await page.GotoAsync(new Uri(deployment.Url, "my-data").AbsoluteUri);
        return (await page.Locator("dt:text-is('Customer reference') + dd").InnerTextAsync()).Trim();
    }

    public async Task<IPage> SignedInAsync(string email, string password)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(deployment.Url, "Account/Login").AbsoluteUri);
        await page.GetByLabel(AccountText.Get("Field.Email", "en"), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(AccountText.Get("Field.Password", "en"), new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = AccountText.Get("Login.Submit", "en"), Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        return page;
    }

    // Entries whose actor is an API client (ActorKind.ApiClient), read straight from the deployment's database.
    public static async Task<long> ApiEntriesAsync(ScaleOutDeployment deployment) =>
        await ScalarAsync(deployment, $"SELECT count(*) FROM \"LedgerEntries\" WHERE \"ActorKind\" = {(int)PreferenceCenter.Features.Common.ActorKind.ApiClient}");

    public static Task<long> OneClickEntriesAsync(ScaleOutDeployment deployment) =>
        ScalarAsync(deployment, $"SELECT count(*) FROM \"LedgerEntries\" WHERE \"Source\" = {(int)PreferenceCenter.Features.Common.ChangeSource.OneClickUnsubscribe}");

    public static Task<long> LedgerCountAsync(ScaleOutDeployment deployment) => ScalarAsync(deployment, "SELECT count(*) FROM \"LedgerEntries\"");

    private static async Task<long> ScalarAsync(ScaleOutDeployment deployment, string sql)
    {
        await using var connection = new NpgsqlConnection(deployment.MainConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<(int ExitCode, string Output)> VerifyLedgerAsync(ScaleOutDeployment deployment)
    {
        var start = new ProcessStartInfo("dotnet", [RepositoryPaths.AppDll, "verify-ledger"])
        {
            WorkingDirectory = RepositoryPaths.App, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" },
        };
        foreach (var (name, value) in deployment.DatabaseEnvironment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, (await output).Trim() + (await errors).Trim());
    }

    /// <summary>
    /// The links the deployment's emails would carry, made as the instances make them: Data Protection with the key
    /// ring in the deployment's database, sealed under the development master key (the repository's settings file).
    /// </summary>
    public static ServiceProvider LinkServices(ScaleOutDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appsettings.Development.json")));
        var keys = settings.RootElement.GetProperty("PersonalData");
        var environment = deployment.DatabaseEnvironment;
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddAppDatabase(new DatabaseSettings(
            DatabaseProvider.PostgreSQL, environment["ConnectionStrings__PreferenceCenter"], environment["ConnectionStrings__PersonalDataKeys"]));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddSingleton(PersonalDataKeys.From(new PersonalDataOptions
        {
            MasterKey = keys.GetProperty("MasterKey").GetString(),
            BlindIndexKey = keys.GetProperty("BlindIndexKey").GetString(),
            SuppressionKey = keys.GetProperty("SuppressionKey").GetString(),
        }));
        services.AddKeyRingSealing();
        services.AddSingleton<LinkTokens>();
        return services.BuildServiceProvider();
    }

    /// <summary>The demo customer's id, read from the deployment's database by their reference.</summary>
    public static async Task<Guid> CustomerIdAsync(ScaleOutDeployment deployment, string reference)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        await using var connection = new NpgsqlConnection(deployment.MainConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Id\" FROM \"Customers\" WHERE \"Reference\" = @reference", connection);
        command.Parameters.AddWithValue("reference", reference);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
