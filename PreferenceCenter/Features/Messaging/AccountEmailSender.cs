using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MimeKit;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Limits;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Messaging;

/// <summary>
/// Identity's account emails (confirm address, reset password), in the reader's language, through our own transport;
/// none beyond the hourly cap per address (<see cref="AccountMailCap"/>), so the forms cannot flood an inbox.
/// </summary>
public sealed class AccountEmailSender(IEmailTransport transport, MailComposer composer, IStringLocalizer<SharedResource> text, AccountMailCap cap)
    : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, text["Email.Confirm.Subject"], text["Email.Confirm.Intro"], text["Email.Confirm.Action"], confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, text["Email.Reset.Subject"], text["Email.Reset.Intro"], text["Email.Reset.Action"], resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendCappedAsync(email, () => composer.Compose(email, text["Email.Reset.Subject"], text["Email.ResetCode.Intro", resetCode]));

    /// <summary>Sent instead of a confirmation when someone signs up with an address that has an account already.</summary>
    public Task SendAlreadyRegisteredAsync(string email, Uri signInLink) =>
        SendCappedAsync(email, () => composer.Compose(email, text["Email.AlreadyRegistered.Subject"], text["Email.AlreadyRegistered.Intro"],
            text["Email.AlreadyRegistered.Action"], signInLink));

    // Identity hands links over HTML-encoded; the composer encodes once itself.
    private Task SendAsync(string email, string subject, string intro, string action, string encodedLink) =>
        SendCappedAsync(email, () => composer.Compose(email, subject, intro, action, new Uri(System.Net.WebUtility.HtmlDecode(encodedLink))));

    private async Task SendCappedAsync(string email, Func<MimeMessage> compose)
    {
        if (await cap.TryTakeAsync(email))
        {
            await transport.SendAsync(compose());
        }
    }
}
