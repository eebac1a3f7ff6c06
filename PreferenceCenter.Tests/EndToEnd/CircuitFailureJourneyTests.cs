using System.Data.Common;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// When the live connection behind /preferences fails — an exception thrown while handling a click, or the connection
/// lost — the customer reads what happened in their language, has a way back, and finds every change the page had
/// confirmed still in place.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed partial class CircuitFailureJourneyTests(AppHost app, BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "Sharing with Northwind Travel by email", "Sharing with Contoso Insurance by email",
        "Something went wrong and this page stopped responding. Everything you saved is kept", "Reload the page")]
    [InlineData("it", "Condivisione con Northwind Travel via email", "Condivisione con Contoso Insurance via email",
        "Qualcosa è andato storto e questa pagina non risponde più. Tutto ciò che hai salvato è conservato", "Ricarica la pagina")]
    public async Task A_thrown_exception_shows_a_translated_message_whose_reload_keeps_every_confirmed_change(
        string culture, string first, string second, string message, string reload)
    {
        var email = $"circuit.fault.{culture}@example.com";
        var customerId = await app.NewAccountAsync(email);
        var page = await SignedInPageAsync(email, culture);
        await using var context = page.Context;
        var preferences = await new PreferencesPage(page, app).OpenAsync();
        var errorBar = page.Locator("#blazor-error-ui");

        await preferences.Switch(first).ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync(first);
        await Expect(errorBar).ToBeHiddenAsync();

        // The store refuses this customer's next consent write, as a failing disk would: the service throws, nothing
        // catches it, and Blazor ends the circuit.
        await using (var store = await app.OpenConnectionAsync())
        {
            await ExecuteAsync(store, app.Provider == DatabaseProvider.PostgreSQL
                ? $"""
                    CREATE FUNCTION circuit_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated store fault'; END $$;
                    CREATE TRIGGER circuit_fault BEFORE INSERT OR UPDATE ON "Consents" FOR EACH ROW
                    WHEN (NEW."CustomerId" = '{customerId}') EXECUTE FUNCTION circuit_fault();
                    """
                : $"""
                    CREATE TRIGGER CircuitFault_Insert BEFORE INSERT ON Consents WHEN upper(NEW.CustomerId) = '{customerId.ToString().ToUpperInvariant()}'
                    BEGIN SELECT RAISE(ABORT, 'simulated store fault'); END;
                    CREATE TRIGGER CircuitFault_Update BEFORE UPDATE ON Consents WHEN upper(NEW.CustomerId) = '{customerId.ToString().ToUpperInvariant()}'
                    BEGIN SELECT RAISE(ABORT, 'simulated store fault'); END;
                    """);
        }

        try
        {
            var ledgerBefore = await LedgerCountAsync();
            await preferences.Switch(second).ClickAsync();
            await Expect(errorBar).ToBeVisibleAsync();
            await Expect(errorBar).ToContainTextAsync(message);
            Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
            var violations = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
            Assert.True(violations.Count == 0, AxeReport.Describe($"/preferences after its circuit failed ({culture})", violations));
            Assert.Equal(ledgerBefore, await LedgerCountAsync());
        }
        finally
        {
            await using var store = await app.OpenConnectionAsync();
            await ExecuteAsync(store, app.Provider == DatabaseProvider.PostgreSQL
                ? "DROP FUNCTION IF EXISTS circuit_fault() CASCADE;"
                : "DROP TRIGGER IF EXISTS CircuitFault_Insert; DROP TRIGGER IF EXISTS CircuitFault_Update;");
        }

        // The reload is a full request for this very page (not the home page) and a new circuit.
        await BlazorCircuit.RunAndWaitAsync(page, () => errorBar.GetByRole(AriaRole.Link, new() { Name = reload, Exact = true }).ClickAsync());
        Assert.EndsWith("/preferences", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(errorBar).ToBeHiddenAsync();
        await Expect(preferences.Switch(first)).ToBeCheckedAsync();
        await Expect(preferences.Switch(second)).Not.ToBeCheckedAsync();
        Assert.True(await IsOnAsync(customerId, "sharing-northwind", Channel.Email));
        Assert.False(await IsOnAsync(customerId, "sharing-contoso", Channel.Email));

        // And the page works again: the change the fault stopped goes through now.
        await preferences.Switch(second).ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync(second);
        Assert.True(await IsOnAsync(customerId, "sharing-contoso", Channel.Email));
    }

    [Fact]
    public async Task A_lost_connection_says_so_in_the_customers_language_then_carries_on_with_nothing_lost()
    {
        const string email = "circuit.lost@example.com";
        var customerId = await app.NewAccountAsync(email);
        var page = await SignedInPageAsync(email, "es");
        await using var context = page.Context;

        // Every connection of the circuit goes through here, so the test can cut it and refuse new ones, like a
        // network that drops and later comes back.
        var reachable = true;
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        await page.RouteWebSocketAsync(BlazorHub(), socket =>
        {
            if (!Volatile.Read(ref reachable))
            {
                _ = socket.CloseAsync(new() { Code = 4000, Reason = "network down" });
                return;
            }

            lock (sockets)
            {
                sockets.Add((socket, socket.ConnectToServer()));
            }
        });
        await page.RouteAsync(BlazorHub(), route => Volatile.Read(ref reachable) ? route.ContinueAsync() : route.AbortAsync("internetdisconnected"));

        var preferences = new PreferencesPage(page, app);
        var first = preferences.Switch("Compartir con Northwind Travel por email");
        var second = preferences.Switch("Compartir con Contoso Insurance por email");
        await page.GotoAsync(app.Url("preferences"));
        await Expect(first).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await first.ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync("Compartir con Northwind Travel por email");

        Volatile.Write(ref reachable, false);
        foreach (var (pageSide, serverSide) in Snapshot(sockets))
        {
            await pageSide.CloseAsync(new() { Code = 4000, Reason = "network down" });
            await serverSide.CloseAsync();
        }

        var modal = page.Locator("#components-reconnect-modal");
        await Expect(modal).ToBeVisibleAsync();
        // After ten quick attempts Blazor waits five seconds between tries and counts them down.
        await Expect(modal).ToContainTextAsync("No se pudo reconectar. Nuevo intento en", new() { Timeout = 30_000 });
        // The dialog fades in; axe reads text half-way through a fade as low contrast, so scan what the customer
        // settles on, once the dialog's own (finite) animations are over.
        await page.WaitForFunctionAsync(
            "() => document.getElementById('components-reconnect-modal').getAnimations()" +
            ".every(a => a.playState !== 'running') && getComputedStyle(document.getElementById('components-reconnect-modal')).opacity === '1'");
        var violations = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
        Assert.True(violations.Count == 0, AxeReport.Describe("/preferences while reconnecting (es)", violations));

        Volatile.Write(ref reachable, true);
        await Expect(modal).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(first).ToBeCheckedAsync();
        await second.ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync("Compartir con Contoso Insurance por email");

        Assert.True(await IsOnAsync(customerId, "sharing-northwind", Channel.Email));
        Assert.True(await IsOnAsync(customerId, "sharing-contoso", Channel.Email));
    }

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorHub();

    private static List<(IWebSocketRoute, IWebSocketRoute)> Snapshot(List<(IWebSocketRoute, IWebSocketRoute)> sockets)
    {
        lock (sockets)
        {
            return [.. sockets];
        }
    }

    private async Task<IPage> SignedInPageAsync(string email, string culture)
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.Url("") }]);
        await (await new LoginPage(page, app, culture).OpenAsync()).SignInAsync(email, DemoCustomer.Password);
        return page;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> LedgerCountAsync()
    {
        await using var store = await app.OpenConnectionAsync();
        await using var command = store.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"LedgerEntries\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<bool> IsOnAsync(Guid customerId, string purpose, Channel channel) =>
        (await app.Services.GetRequiredService<ConsentService>().GetCellsAsync(customerId)).GetValueOrDefault((purpose, channel))?.IsOn == true;
}
