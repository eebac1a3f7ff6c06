using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Messaging;

/// <summary>Identity's account emails (confirm address, reset password), in the reader's language, through our own transport.</summary>
public sealed class AccountEmailSender(IEmailTransport transport, MailComposer composer, IStringLocalizer<SharedResource> text)
    : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, text["Email.Confirm.Subject"], text["Email.Confirm.Intro"], text["Email.Confirm.Action"], confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(email, text["Email.Reset.Subject"], text["Email.Reset.Intro"], text["Email.Reset.Action"], resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        transport.SendAsync(composer.Compose(email, text["Email.Reset.Subject"], text["Email.ResetCode.Intro", resetCode]));

    /// <summary>Sent instead of a confirmation when someone signs up with an address that has an account already.</summary>
    public Task SendAlreadyRegisteredAsync(string email, Uri signInLink) =>
        transport.SendAsync(composer.Compose(email, text["Email.AlreadyRegistered.Subject"], text["Email.AlreadyRegistered.Intro"],
            text["Email.AlreadyRegistered.Action"], signInLink));

    // Identity hands links over HTML-encoded; the composer encodes once itself.
    private Task SendAsync(string email, string subject, string intro, string action, string encodedLink) =>
        transport.SendAsync(composer.Compose(email, subject, intro, action, new Uri(System.Net.WebUtility.HtmlDecode(encodedLink))));
}
