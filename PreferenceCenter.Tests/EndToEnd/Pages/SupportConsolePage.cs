using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/support and /support/customers/{reference}, interactive: find a customer, act for them, change a consent.</summary>
public sealed class SupportConsolePage(IPage page, AppHost app)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The card of the customer a search found.</summary>
    public ILocator FoundCustomer => page.Locator(".support-card");

    /// <summary>The banner that names whose data is being changed.</summary>
    public ILocator ActingBanner => page.GetByRole(AriaRole.Region, new() { Name = "Acting for a customer", Exact = true });

    public ILocator Status => page.GetByRole(AriaRole.Status);

    /// <summary>The customer's open erasure request, or the way to file one.</summary>
    public ILocator ErasurePanel => page.GetByRole(AriaRole.Region, new() { Name = "Erasure request", Exact = true });

    public ILocator Switch(string accessibleName) =>
        page.GetByRole(AriaRole.Switch, new() { Name = accessibleName, Exact = true });

    public async Task<SupportConsolePage> OpenAsync()
    {
        await BlazorCircuit.GotoAsync(page, app.Url("support"));
        return this;
    }

    public async Task FindAsync(string identifier)
    {
        await page.GetByLabel("Email, phone or customer reference").FillAsync(identifier);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await FoundCustomer.WaitForAsync();
    }

    /// <summary>Opens the found customer (in the same circuit) and waits for their page.</summary>
    public async Task OpenFoundCustomerAsync()
    {
        await FoundCustomer.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Act on the customer's behalf" }).WaitForAsync();
    }

    /// <summary>States how the customer asked ("By phone", …) and why, and starts acting; waits for the banner.</summary>
    public async Task StartActingAsync(string channel, string reason)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = channel, Exact = true }).CheckAsync();
        await page.GetByLabel("Reason (what the customer asked for)").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start acting for this customer", Exact = true }).ClickAsync();
        await ActingBanner.WaitForAsync();
    }

    /// <summary>Flips a consent switch and returns what the live region then reports.</summary>
    public async Task<string> FlipAsync(string consent)
    {
        await Switch(consent).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(Status).Not.ToBeEmptyAsync();
        return (await Status.InnerTextAsync()).Trim();
    }

    /// <summary>Files an erasure request for the customer (while acting) and returns what the live region then reports.</summary>
    public async Task<string> FileErasureAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "File an erasure request for this customer", Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(Status).Not.ToBeEmptyAsync();
        return (await Status.InnerTextAsync()).Trim();
    }
}
