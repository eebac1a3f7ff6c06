using System.Globalization;
using Microsoft.Extensions.Localization;
using MimeKit;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Erasure;

/// <summary>The request's emails, each in the language the customer asked in. Sent only after the step committed.</summary>
public sealed class ErasureMail(IEmailTransport transport, MailComposer composer, IStringLocalizer<SharedResource> text)
{
    public Task SendConfirmationAsync(string to, string culture, Uri link, DateTimeOffset dueAt, int linkHours, CancellationToken cancellationToken = default) =>
        transport.SendAsync(MailComposer.InLanguage(CultureInfo.GetCultureInfo(culture), c => composer.Compose(
            to, text["Erasure.Email.Confirm.Subject"], text.Plural("Erasure.Email.Confirm.Intro", linkHours, TimeFormat.Date(dueAt, c)),
            text["Erasure.Email.Confirm.Action"], link)), cancellationToken);

    /// <summary>The confirmation link, sent when support filed the request: it says so, and that ignoring it erases nothing.</summary>
    public Task SendFiledOnBehalfAsync(string to, string culture, Uri link, DateTimeOffset filedAt, DateTimeOffset dueAt, int linkHours, CancellationToken cancellationToken = default) =>
        transport.SendAsync(MailComposer.InLanguage(CultureInfo.GetCultureInfo(culture), c => composer.Compose(
            to, text["Erasure.Email.OnBehalf.Subject"],
            text.Plural("Erasure.Email.OnBehalf.Intro", linkHours, TimeFormat.DateAndTime(filedAt, c), TimeFormat.Date(dueAt, c)),
            text["Erasure.Email.Confirm.Action"], link)), cancellationToken);

    public Task SendRejectedAsync(string to, string culture, string reason, CancellationToken cancellationToken = default) =>
        transport.SendAsync(MailComposer.InLanguage(CultureInfo.GetCultureInfo(culture), _ => composer.Compose(
            to, text["Erasure.Email.Rejected.Subject"], text["Erasure.Email.Rejected.Intro", reason])), cancellationToken);

    public Task SendApprovedAsync(string to, string culture, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        transport.SendAsync(MailComposer.InLanguage(CultureInfo.GetCultureInfo(culture), c => composer.Compose(
            to, text["Erasure.Email.Approved.Subject"], text["Erasure.Email.Approved.Intro", TimeFormat.Date(dueAt, c)])), cancellationToken);
}
