using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Resources;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Messaging;

public sealed class AccountEmailSenderTests(SmtpSink smtp) : IClassFixture<SmtpSink>
{
    private static AccountEmailSender SenderOver(IEmailTransport transport, IOptions<EmailOptions> options)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new AccountEmailSender(transport, new MailComposer(options), services.GetRequiredService<IStringLocalizer<SharedResource>>());
    }

    [Fact]
    public async Task SendConfirmationLink_OverSmtp_DeliversBothBodiesInTheReadersLanguage()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("it");
        var options = Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None } });
        var recipient = $"lucia.{Guid.NewGuid():N}@example.com";
        const string link = "https://prefs.example/Account/ConfirmEmail?userId=1&amp;code=abc";

        await SenderOver(new SmtpEmailTransport(options), options).SendConfirmationLinkAsync(new ApplicationUser(), recipient, link);

        var message = Assert.Single(await smtp.MessagesToAsync(recipient));
        Assert.Equal("Conferma il tuo indirizzo email", message.Subject);
        Assert.Equal("privacy@example.com", message.From.Mailboxes.Single().Address);
        Assert.Contains("https://prefs.example/Account/ConfirmEmail?userId=1&code=abc", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://prefs.example/Account/ConfirmEmail?userId=1&amp;code=abc\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Conferma il mio indirizzo email", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendPasswordResetLink_ByDefault_WritesAnEmlFileToThePickupFolder()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("es");
        var folder = Path.Combine(Path.GetTempPath(), $"pc-pickup-{Guid.NewGuid():N}");
        var options = Options.Create(new EmailOptions { PickupDirectory = folder });
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() };
        try
        {
            await SenderOver(new PickupDirectoryEmailTransport(options, environment, new FakeTimeProvider()), options)
                .SendPasswordResetLinkAsync(new ApplicationUser(), "ana@example.com", "https://prefs.example/Account/ResetPassword?code=x");

            using var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")));
            Assert.Equal("Restablece tu contraseña", message.Subject);
            Assert.Equal("ana@example.com", message.To.Mailboxes.Single().Address);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

}
