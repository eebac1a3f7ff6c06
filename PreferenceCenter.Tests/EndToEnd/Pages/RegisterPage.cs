using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PreferenceCenter.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/Account/Register, a static server-rendered form.</summary>
public sealed partial class RegisterPage(IPage page, AppHost app)
{
    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator ConfirmPassword => page.GetByLabel("Confirm Password", new() { Exact = true });

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true });

    public async Task<RegisterPage> OpenAsync()
    {
        await page.GotoAsync(app.Url("Account/Register"));
        return this;
    }

    /// <summary>Registers and waits for the "check your email" page: by then the confirmation mail is written.</summary>
    public async Task RegisterAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await ConfirmPassword.FillAsync(password);
        await SubmitButton.ClickAsync();
        await Expect(page).ToHaveURLAsync(ConfirmationPath());
    }

    [GeneratedRegex("/Account/RegisterConfirmation", RegexOptions.IgnoreCase)]
    private static partial Regex ConfirmationPath();
}
