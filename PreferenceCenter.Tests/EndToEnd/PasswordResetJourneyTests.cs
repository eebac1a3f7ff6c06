using Microsoft.Playwright;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class PasswordResetJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task A_Spanish_customer_who_forgot_their_password_resets_it_from_the_email_and_signs_in_with_the_new_one()
    {
        var email = $"olvido-{Guid.NewGuid():N}@example.com";
        var page = await browser.NewPageAsync(locale: "es-ES");
        await using var context = page.Context;
        string T(string key) => AccountText.Get(key, "es");

        await (await new RegisterPage(page, app, "es").OpenAsync()).RegisterAsync(email, "Primera!Clave1");
        using (var confirmationMail = await MailPickup.SingleMessageToAsync(app.PickupDirectory, email))
        {
            await page.GotoAsync(MailPickup.LinkTo(confirmationMail, "/Account/ConfirmEmail").AbsoluteUri);
        }

        await page.GotoAsync(app.Url("Account/ForgotPassword"));
        await page.GetByLabel(T("Field.Email"), new() { Exact = true }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = T("ForgotPassword.Submit"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("ForgotPasswordConfirmation"));

        // The reset email is in Spanish and links back to this app.
        using var resetMail = await MailPickup.SingleMessageToAsync(app.PickupDirectory, email, "Restablece tu contraseña");
        await page.GotoAsync(MailPickup.LinkTo(resetMail, "/Account/ResetPassword").AbsoluteUri);
        await page.GetByLabel(T("Field.Email"), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(T("Field.NewPassword"), new() { Exact = true }).FillAsync("Segunda!Clave2");
        await page.GetByLabel(T("Field.ConfirmNewPassword"), new() { Exact = true }).FillAsync("Segunda!Clave2");
        await page.GetByRole(AriaRole.Button, new() { Name = T("ResetPassword.Submit"), Exact = true }).ClickAsync();
        await Expect(page.GetByText(T("ResetPasswordConfirmation.Text"))).ToBeVisibleAsync();

        await (await new LoginPage(page, app, "es").OpenAsync()).SubmitExpectingRefusalAsync(email, "Primera!Clave1");

        await (await new LoginPage(page, app, "es").OpenAsync()).SignInAsync(email, "Segunda!Clave2");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" })).ToBeVisibleAsync();
    }
}
