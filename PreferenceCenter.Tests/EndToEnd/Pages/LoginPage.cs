using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/Account/Login, a static server-rendered form.</summary>
public sealed partial class LoginPage(IPage page, AppHost app, string culture = "en")
{
    public ILocator Email => page.GetByLabel(AccountText.Get("Field.Email", culture), new() { Exact = true });

    public ILocator Password => page.GetByLabel(AccountText.Get("Field.Password", culture), new() { Exact = true });

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = AccountText.Get("Login.Submit", culture), Exact = true });

    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public async Task<LoginPage> OpenAsync()
    {
        await page.GotoAsync(app.Url("Account/Login"));
        return this;
    }

    /// <summary>Signs in and waits until the app has moved on from the login page.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(LoginPath());
    }

    [GeneratedRegex("/Account/Login", RegexOptions.IgnoreCase)]
    private static partial Regex LoginPath();
}
