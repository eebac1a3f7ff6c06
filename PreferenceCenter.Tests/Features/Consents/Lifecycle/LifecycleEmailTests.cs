using System.Globalization;
using MimeKit;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

/// <summary>The lifecycle's emails through the outbox to a real SMTP server (aiosmtpd), read back as delivered.</summary>
public sealed class LifecycleEmailTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private Dictionary<string, string?> Smtp => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture), ["Email:Smtp:Security"] = "None",
    };

    [Fact]
    public async Task TheConfirmationEmail_IsInTheCustomersLanguage_AndReadsAsARequest_WithoutUnsubscribe()
    {
        await using var fixture = await LifecycleFixture.CreateAsync(Smtp, culture: "it");
        await fixture.SetAsync("marketing", Channel.Email, grant: true);

        var message = await DeliverAsync(fixture);

        Assert.Equal("Conferma, per favore: Marketing via email", message.Subject);
        Assert.Contains("Hai chiesto di ricevere Marketing via email.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("il link funziona per 7 giorni", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(LifecycleMailFactory.BaseUrl + "confirm/", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Non inizia nulla finché non confermi", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Non inizia nulla", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Gestisci le tue preferenze (senza password): " + LifecycleMailFactory.BaseUrl + "m/", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("hai accettato", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(LifecycleMailFactory.BaseUrl + "u/", message.HtmlBody, StringComparison.Ordinal);
        Assert.Null(message.Headers["List-Unsubscribe"]);
        Assert.Null(message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task TheRenewalReminder_IsInTheCustomersLanguage_WithRenewAndManageLinks_AndTheHeaders()
    {
        await using var fixture = await LifecycleFixture.CreateAsync(Smtp, culture: "es");
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        fixture.Clock.SetUtcNow(LifecycleFixture.Now.AddMonths(12).AddDays(-30));
        Assert.Equal(1, await fixture.Get<RenewalReminderSender>().RunOnceAsync());

        var message = await DeliverAsync(fixture);

        Assert.Equal("¿Quieres seguir recibiendo Profiling por email?", message.Subject);
        Assert.Contains("Tu consentimiento para Profiling por email termina el 23 noviembre 2027.", message.TextBody, StringComparison.Ordinal);
        // The manage link is signed: it opens /preferences without a password (ManageLinkJourneyTests follows one).
        Assert.Contains("Gestiona tus preferencias (sin contraseña): " + LifecycleMailFactory.BaseUrl + "m/", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(LifecycleMailFactory.BaseUrl + "renew/", message.HtmlBody, StringComparison.Ordinal);
        AssertOneClickHeaders(message);
    }

    private async Task<MimeMessage> DeliverAsync(LifecycleFixture fixture)
    {
        Assert.True(await fixture.Get<OutboxDispatcher>().RunOnceAsync());
        return Assert.Single(await sink.MessagesToAsync(CatalogBuilder.EmailOf(fixture.CustomerId)));
    }

    private static void AssertOneClickHeaders(MimeMessage message)
    {
        Assert.StartsWith("<" + LifecycleMailFactory.BaseUrl + "u/", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
    }
}
