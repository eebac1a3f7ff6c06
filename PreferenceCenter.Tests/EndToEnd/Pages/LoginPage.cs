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

    /// <summary>
    /// Submits credentials that must be refused and waits for the form's answer: the login page again, with its alert.
    /// Asserting on the response first says which way it went wrong when it does (accepted, an error page, a timeout).
    /// </summary>
    public async Task SubmitExpectingRefusalAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        var response = await page.RunAndWaitForResponseAsync(
            () => SubmitButton.ClickAsync(),
            r => r.Request.Method == "POST" && LoginPath().IsMatch(r.Url));
        Assert.True(response.Status == 200, $"The sign-in form answered {response.Status} {response.StatusText}, not the form again.");
        await Expect(page).ToHaveURLAsync(LoginPath());
        await Expect(Error).ToContainTextAsync(AccountText.Get("Login.Error.Invalid", culture));
    }

    [GeneratedRegex("/Account/Login", RegexOptions.IgnoreCase)]
    private static partial Regex LoginPath();
}
