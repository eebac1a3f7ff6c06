using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Infrastructure.Jobs;
using PreferenceCenter.Resources;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Messaging.Sending;

/// <summary>A real outbox on a real SQLite file, a fake clock, and dispatchers over any real transport.</summary>
public sealed class OutboxHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly OutboxOptions Retry = new() { RetryBase = TimeSpan.FromSeconds(30), RetryCap = TimeSpan.FromMinutes(5) };

    private OutboxHarness(TestDatabase database, EmailOptions email)
    {
        Database = database;
        Email = email;
        Lease = new DatabaseLease(database, Clock);
        Outbox = new Outbox(Clock, Options.Create(email), database.Protector);
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var tokens = new LinkTokens(new EphemeralDataProtectionProvider(), Clock);
        var links = TestPublicLinks.At("https://prefs.example.com/");
        Marketing = new MarketingEmails(
            tokens, links, services.GetRequiredService<IStringLocalizer<SharedResource>>(), Options.Create(email),
            new ManageLinks(tokens, links, Options.Create(email)));
    }

    public TestDatabase Database { get; }
    public EmailOptions Email { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public DatabaseLease Lease { get; }
    public MarketingEmails Marketing { get; }
    public Outbox Outbox { get; }

    public static async Task<OutboxHarness> CreateAsync(EmailOptions? email = null) =>
        new(await TestDatabase.CreateAsync(), email ?? new EmailOptions { UnsubscribeMailto = "leave@example.com" });

    public static EmailOptions SmtpOn(int port) => new()
    {
        UnsubscribeMailto = "leave@example.com",
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None },
    };

    public OutboxDispatcher Dispatcher(IEmailTransport transport) => new(
        Database, transport, Outbox, Options.Create(Email), Options.Create(Retry), Lease, Clock, NullLogger<OutboxDispatcher>.Instance);

    public OutboxDispatcher SmtpDispatcher() => Dispatcher(new SmtpEmailTransport(Options.Create(Email)));

    /// <summary>Queues a marketing email for a made-up customer, committed as a service would.</summary>
    public async Task<OutboxMessage> EnqueueAsync(string to, string? culture = "en")
    {
        var email = Marketing.Compose(to, Guid.NewGuid(), culture, "marketing", Channel.Email,
            text => new MarketingEmailContent(text["Email.Confirm.Subject"], text["Email.Confirm.Intro"]));
        await using var db = Database.CreateDbContext();
        var row = await Outbox.EnqueueAsync(db, email);
        await db.SaveChangesAsync();
        return row;
    }

    public async Task<OutboxMessage> ReadAsync(long id)
    {
        await using var db = Database.CreateDbContext();
        var row = await db.OutboxMessages.FindAsync(id) ?? throw new InvalidOperationException($"No outbox row {id}.");
        // Stored sealed with the customer's key; the tests read the words as the dispatcher would send them.
        var opened = await Outbox.OpenAsync(row) ?? throw new InvalidOperationException($"Outbox row {id} cannot be opened.");
        (row.To, row.Subject, row.TextBody, row.HtmlBody) = (opened.To, opened.Subject, opened.TextBody, opened.HtmlBody);
        return row;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
