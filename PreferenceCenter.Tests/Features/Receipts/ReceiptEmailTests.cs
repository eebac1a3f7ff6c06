using System.Globalization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Features.Receipts;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Receipts;

/// <summary>The receipt through the outbox to a real SMTP server (aiosmtpd), read back as delivered.</summary>
public sealed class ReceiptEmailTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private Dictionary<string, string?> Smtp => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture), ["Email:Smtp:Security"] = "None",
        ["Receipts:QuietMinutes"] = "5",
    };

    [Fact]
    public async Task TheReceipt_IsInTheCustomersLanguage_ListsEachChangeWithItsLedgerReference_AndTheManageLink()
    {
        await using var fixture = await LifecycleFixture.CreateAsync(Smtp, culture: "it");
        await fixture.SetAsync("marketing", Channel.Sms, grant: true);
        fixture.Clock.SetUtcNow(LifecycleFixture.Now.AddMinutes(2));
        await fixture.SetAsync("marketing", Channel.Post, grant: true);
        var changes = (await fixture.EntriesAsync(LedgerEventType.ConsentGranted)).ToList();
        fixture.Clock.SetUtcNow(LifecycleFixture.Now.AddMinutes(7));
        Assert.Equal(1, await fixture.Get<ReceiptSender>().RunOnceAsync());

        Assert.True(await fixture.Get<OutboxDispatcher>().RunOnceAsync());
        var message = Assert.Single(await sink.MessagesToAsync(CatalogBuilder.EmailOf(fixture.CustomerId)));

        Assert.Equal("La tua ricevuta: 2 modifiche alle tue scelte", message.Subject);
        Assert.Contains("- 23 nov 2026, 10:14 UTC: Hai attivato Marketing via SMS\n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("- 23 nov 2026, 10:16 UTC: Hai attivato Marketing via posta\n", message.TextBody, StringComparison.Ordinal);
        foreach (var change in changes)
        {
            Assert.Contains($"Voce del registro {change.Sequence}, impronta {change.Hash}", message.TextBody, StringComparison.Ordinal);
            Assert.Contains($"Voce del registro {change.Sequence}, impronta {change.Hash}", message.HtmlBody, StringComparison.Ordinal);
        }

        Assert.Contains("disattiva le ricevute", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Gestisci le tue preferenze (senza password): " + LifecycleMailFactory.BaseUrl + "m/", message.TextBody, StringComparison.Ordinal);
        // A report of what the customer did, not marketing: nothing to unsubscribe from.
        Assert.Null(message.Headers["List-Unsubscribe"]);
    }
}
