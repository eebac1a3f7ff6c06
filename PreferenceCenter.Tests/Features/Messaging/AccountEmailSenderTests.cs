using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PreferenceCenter.Features.Common;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.Messaging.Limits;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Infrastructure.RateLimiting;
using PreferenceCenter.Resources;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Messaging;

public sealed class AccountEmailSenderTests(SmtpSink smtp) : IClassFixture<SmtpSink>, IAsyncLifetime
{
    private TestDatabase database = default!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private AccountEmailSender SenderOver(IEmailTransport transport, IOptions<EmailOptions> options, int mailsPerHour = 5)
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var cap = new AccountMailCap(
            database, new BlindIndex(TestKeys.Keys), TimeProvider.System,
            Options.Create(new RateLimitOptions { AccountMailsPerAddressPerHour = mailsPerHour }), NullLogger<AccountMailCap>.Instance);
        return new AccountEmailSender(transport, new MailComposer(options), services.GetRequiredService<IStringLocalizer<SharedResource>>(), cap);
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


    [Fact]
    public async Task PastTheHourlyCap_NoFurtherAccountMailGoesToThatAddress_WhileAnotherAddressStillGetsItsOwn()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"pc-pickup-{Guid.NewGuid():N}");
        var options = Options.Create(new EmailOptions { PickupDirectory = folder });
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() };
        var sender = SenderOver(new PickupDirectoryEmailTransport(options, environment, new FakeTimeProvider()), options, mailsPerHour: 2);
        try
        {
            for (var i = 0; i < 4; i++)
            {
                await sender.SendPasswordResetLinkAsync(new ApplicationUser(), "Flood@Example.com", "https://prefs.example/Account/ResetPassword?code=x");
            }

            // The same address however it is typed: the cap counts the normalised address.
            await sender.SendAlreadyRegisteredAsync(" flood@example.com", new Uri("https://prefs.example/Account/Login"));
            await sender.SendPasswordResetLinkAsync(new ApplicationUser(), "other@example.com", "https://prefs.example/Account/ResetPassword?code=x");

            var recipients = new List<string>();
            foreach (var file in Directory.GetFiles(folder, "*.eml"))
            {
                using var message = await MimeMessage.LoadAsync(file);
                recipients.Add(message.To.Mailboxes.Single().Address.ToLowerInvariant());
            }

            Assert.Equal(2, recipients.Count(r => r == "flood@example.com"));
            Assert.Single(recipients, r => r == "other@example.com");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
