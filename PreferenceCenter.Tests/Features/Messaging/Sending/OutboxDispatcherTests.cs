using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Messaging.Sending;

/// <summary>The dispatcher against real SMTP (aiosmtpd) and the real pickup folder, on a moved clock.</summary>
public sealed class OutboxDispatcherTests(SmtpSink smtp) : IClassFixture<SmtpSink>
{
    [Fact]
    public async Task MarketingEmail_OverSmtp_CarriesOneClickHeaders_BothBodies_InTheCustomersLanguage()
    {
        await using var outbox = await OutboxHarness.CreateAsync(OutboxHarness.SmtpOn(smtp.Port));
        var recipient = $"giulia.{Guid.NewGuid():N}@example.com";
        var row = await outbox.EnqueueAsync(recipient, culture: "it");

        Assert.True(await outbox.SmtpDispatcher().RunOnceAsync());

        var message = Assert.Single(await smtp.MessagesToAsync(recipient));
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal("Conferma il tuo indirizzo email", message.Subject);
        var listUnsubscribe = message.Headers["List-Unsubscribe"] ?? string.Empty;
        Assert.Matches(@"^<https://prefs\.example\.com/u/[A-Za-z0-9_-]+>, <mailto:leave@example\.com\?subject=unsubscribe>$", listUnsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var link = listUnsubscribe[1..listUnsubscribe.IndexOf('>', StringComparison.Ordinal)];
        Assert.Contains("Annulla l'iscrizione o scegli meno email", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", message.HtmlBody, StringComparison.Ordinal);
        var sent = await outbox.ReadAsync(row.Id);
        Assert.Equal((OutboxHarness.Start, 1), (sent.SentAt, sent.Attempts));
        Assert.Null(sent.To); // nothing personal kept once sent
    }

    [Fact]
    public async Task QueuedMail_IsSealedWithTheCustomersKey_AndOnceTheKeyIsDestroyedIsNeverSent()
    {
        await using var outbox = await OutboxHarness.CreateAsync(OutboxHarness.SmtpOn(smtp.Port));
        var recipient = $"erased.{Guid.NewGuid():N}@example.com";
        var row = await outbox.EnqueueAsync(recipient);
        await using (var db = outbox.Database.CreateDbContext())
        {
            var stored = await db.OutboxMessages.FindAsync(row.Id);
            Assert.StartsWith("pd1:", stored!.To, StringComparison.Ordinal); // not readable at rest
            Assert.DoesNotContain(recipient, stored.TextBody, StringComparison.Ordinal);
        }

        await outbox.Database.KeyStore.DestroyAsync(row.CustomerId!.Value);
        await outbox.SmtpDispatcher().RunOnceAsync();

        Assert.Empty(await smtp.MessagesToAsync(recipient));
        await using (var db = outbox.Database.CreateDbContext())
        {
            var gone = await db.OutboxMessages.FindAsync(row.Id);
            Assert.Equal((OutboxHarness.Start, (DateTimeOffset?)null, (string?)null), (gone!.FailedAt, gone.SentAt, gone.To));
        }
    }

    [Fact]
    public async Task SmtpDown_MessagesWaitWithBackoff_AndGoOnceItIsBack()
    {
        var port = LoopbackPorts.Free();
        var maildir = Path.Combine(Path.GetTempPath(), $"pc-maildir-{Guid.NewGuid():N}");
        await using var outbox = await OutboxHarness.CreateAsync(OutboxHarness.SmtpOn(port));
        var first = await outbox.EnqueueAsync("a@example.com");
        var second = await outbox.EnqueueAsync("b@example.com");
        var dispatcher = outbox.SmtpDispatcher();

        await dispatcher.RunOnceAsync();
        var waiting = await outbox.ReadAsync(first.Id);
        Assert.Equal((1, OutboxHarness.Start.AddSeconds(30), (DateTimeOffset?)null), (waiting.Attempts, waiting.NextAttemptAt, waiting.SentAt));
        Assert.Contains("a@example.com", waiting.To, StringComparison.Ordinal);

        outbox.Clock.Advance(TimeSpan.FromSeconds(29));
        await dispatcher.RunOnceAsync();
        Assert.Equal(1, (await outbox.ReadAsync(first.Id)).Attempts); // not due yet: no attempt

        outbox.Clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.RunOnceAsync();
        var twice = await outbox.ReadAsync(first.Id);
        Assert.Equal((2, OutboxHarness.Start.AddSeconds(30 + 60)), (twice.Attempts, twice.NextAttemptAt));

        await using (SmtpSink.StartOwn(port, maildir))
        {
            outbox.Clock.Advance(TimeSpan.FromSeconds(60));
            await dispatcher.RunOnceAsync();
            await dispatcher.RunOnceAsync();

            var delivered = Directory.GetFiles(Path.Combine(maildir, "new"));
            Assert.Equal(2, delivered.Length);
            Assert.NotNull((await outbox.ReadAsync(first.Id)).SentAt);
            Assert.NotNull((await outbox.ReadAsync(second.Id)).SentAt);
        }

        Directory.Delete(maildir, recursive: true);
    }

    [Fact]
    public async Task SentMessages_AreNotSentAgain_ByANewDispatcherAfterARestart()
    {
        await using var outbox = await OutboxHarness.CreateAsync();
        var pickup = Path.Combine(Path.GetTempPath(), $"pc-pickup-{Guid.NewGuid():N}");
        var transport = PickupTransport(outbox, pickup);
        for (var i = 0; i < 3; i++)
        {
            await outbox.EnqueueAsync($"c{i}@example.com");
        }

        Assert.True(await outbox.Dispatcher(transport).RunOnceAsync());
        Assert.True(await outbox.Dispatcher(transport).RunOnceAsync()); // a new instance, as after a restart

        Assert.Equal(3, Directory.GetFiles(pickup).Length);
        Directory.Delete(pickup, recursive: true);
    }

    [Fact]
    public async Task WhileAnotherInstanceHoldsTheLease_NothingIsSent_UntilItLapses()
    {
        await using var outbox = await OutboxHarness.CreateAsync();
        var pickup = Path.Combine(Path.GetTempPath(), $"pc-pickup-{Guid.NewGuid():N}");
        await outbox.EnqueueAsync("d@example.com");
        var holder = outbox.Dispatcher(PickupTransport(outbox, pickup));
        var other = outbox.Dispatcher(PickupTransport(outbox, pickup));
        Assert.True(await outbox.Lease.TryAcquireAsync(OutboxDispatcher.LeaseName, holder.Holder, TimeSpan.FromMinutes(5)));

        Assert.False(await other.RunOnceAsync());
        Assert.False(Directory.Exists(pickup));

        outbox.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await other.RunOnceAsync());
        Assert.Single(Directory.GetFiles(pickup));
    }

    [Fact]
    public async Task StoppingMidBatch_LosesNothing_AndAfterARestartEachMessageWasSentOnce()
    {
        await using var outbox = await OutboxHarness.CreateAsync();
        var pickup = Path.Combine(Path.GetTempPath(), $"pc-pickup-{Guid.NewGuid():N}");
        for (var i = 0; i < 5; i++)
        {
            await outbox.EnqueueAsync($"s{i}@example.com");
        }

        // The app is told to stop just after the relay accepted the second message.
        using var stopping = new CancellationTokenSource();
        var stopAfterTwo = new StopAfter(PickupTransport(outbox, pickup), 2, stopping);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => outbox.Dispatcher(stopAfterTwo).RunOnceAsync(stopping.Token));
        Assert.Equal(2, Directory.GetFiles(pickup).Length);

        await outbox.Dispatcher(PickupTransport(outbox, pickup)).RunOnceAsync();

        var sent = Directory.GetFiles(pickup).Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        Assert.Equal(5, sent.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(5, sent.Count);
        sent.ForEach(m => m.Dispose());
        Directory.Delete(pickup, recursive: true);
    }

    private static PickupDirectoryEmailTransport PickupTransport(OutboxHarness outbox, string folder) => new(
        Microsoft.Extensions.Options.Options.Create(new EmailOptions { PickupDirectory = folder }),
        new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() }, outbox.Clock);

    // Passes messages on, and after the given number has been accepted, signals the app to stop.
    private sealed class StopAfter(IEmailTransport inner, int count, CancellationTokenSource stopping) : IEmailTransport
    {
        private int accepted;

        public async Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(message, cancellationToken);
            if (++accepted == count)
            {
                await stopping.CancelAsync();
            }
        }
    }
}
