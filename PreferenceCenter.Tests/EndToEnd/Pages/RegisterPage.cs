using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/Account/Register, a static server-rendered form.</summary>
public sealed partial class RegisterPage(IPage page, AppHost app, string culture = "en")
{
    public ILocator Email => page.GetByLabel(AccountText.Get("Field.Email", culture), new() { Exact = true });

    public ILocator Password => page.GetByLabel(AccountText.Get("Field.Password", culture), new() { Exact = true });

    public ILocator ConfirmPassword => page.GetByLabel(AccountText.Get("Field.ConfirmPassword", culture), new() { Exact = true });

    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = AccountText.Get("Register.Submit", culture), Exact = true });

    /// <summary>The box that gives consent to <paramref name="purposeTitle"/> by email at sign-up.</summary>
    public ILocator Consent(string purposeTitle) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = string.Format(System.Globalization.CultureInfo.InvariantCulture, AccountText.Get("Register.Consents.ByEmail", culture), purposeTitle), Exact = true });

    public ILocator ConsentBoxes => page.Locator(".sign-up-consents").GetByRole(AriaRole.Checkbox);

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
