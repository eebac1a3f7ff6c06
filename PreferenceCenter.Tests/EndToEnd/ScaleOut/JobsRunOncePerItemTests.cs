using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Tests.Features.Erasure;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.ScaleOut;

/// <summary>
/// Two instances on one PostgreSQL database, every job running in both and waking in both on the same tick: each
/// queued email reaches the SMTP server once, each lapse is recorded once, each reminder goes once, each approved
/// erasure is carried out once. The leases (and the claims under them) are what keep it so (issue 16).
/// </summary>
public sealed class JobsRunOncePerItemTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private const int Items = 20;

    [PostgreSqlFact]
    public async Task Queued_emails_each_reach_the_smtp_server_once()
    {
        await using var app = await TwoInstancesOnOneDatabase.StartAsync(sink);
        var run = Guid.NewGuid().ToString("N")[..12];
        var recipients = Enumerable.Range(0, 2 * Items).Select(i => $"queued-{run}-{i}@example.com").ToList();
        for (var i = 0; i < recipients.Count; i++)
        {
            // Queued through both instances, as the features that write mail would.
            await using var db = await app.Get<IDbContextFactory<AppDbContext>>(i).CreateDbContextAsync();
            await app.Get<Outbox>(i).EnqueueAsync(db, new OutgoingEmail(recipients[i], $"Queued {i}", $"Message {i}.", $"<p>Message {i}.</p>"));
            await db.SaveChangesAsync();
        }

        await app.RunJobsUntilAsync(async db => !await db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.FailedAt == null));

        foreach (var recipient in recipients)
        {
            var delivered = await sink.MessagesToAsync(recipient);
            Assert.True(delivered.Count == 1, $"{recipient} received {delivered.Count} messages.");
        }

        await using var check = app.Database();
        Assert.All(await check.OutboxMessages.ToListAsync(), m => Assert.Equal(1, m.Attempts));
    }

    [PostgreSqlFact]
    public async Task Due_renewal_reminders_go_once_per_consent()
    {
        await using var app = await TwoInstancesOnOneDatabase.StartAsync(sink);
        var start = app.Clock.GetUtcNow();
        var customers = await CustomersWithProfilingAsync(app);

        // Into each consent's last 30 days (profiling lasts 12 months): one reminder is due for each.
        app.Clock.Jump(start.AddMonths(12).AddDays(-20) - start);
        await app.RunJobsUntilAsync(async db =>
            await db.RenewalReminders.CountAsync() == Items && !await db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.FailedAt == null));

        await using var check = app.Database();
        var entries = await check.LedgerEntries.Where(e => e.EventType == LedgerEventType.RenewalReminderSent).ToListAsync();
        Assert.Equal(customers.Order().ToArray(), entries.Select(e => e.SubjectId!.Value).Order().ToArray());
        Assert.Equal(Items, await check.RenewalReminders.CountAsync());
        foreach (var customer in customers)
        {
            var reminders = (await sink.MessagesToAsync(CatalogBuilder.EmailOf(customer)))
                .Where(m => m.Subject?.StartsWith("Keep receiving", StringComparison.Ordinal) == true).ToList();
            Assert.True(reminders.Count == 1, $"Customer {customer} received {reminders.Count} reminders.");
        }
    }

    [PostgreSqlFact]
    public async Task Lapsed_consents_are_each_recorded_once()
    {
        await using var app = await TwoInstancesOnOneDatabase.StartAsync(sink);
        var start = app.Clock.GetUtcNow();
        var customers = await CustomersWithProfilingAsync(app);

        app.Clock.Jump(start.AddMonths(12).AddHours(1) - start);
        await app.RunJobsUntilAsync(async db => !await db.Consents.AnyAsync(c => c.State == ConsentState.Granted && c.ExpiryRecordedAt == null));

        await using var check = app.Database();
        var entries = await check.LedgerEntries.Where(e => e.EventType == LedgerEventType.ConsentExpired).ToListAsync();
        Assert.Equal(customers.Order().ToArray(), entries.Select(e => e.SubjectId!.Value).Order().ToArray());
    }

    [PostgreSqlFact]
    public async Task Approved_erasures_are_each_carried_out_once()
    {
        const int Erasures = 6;
        await using var app = await TwoInstancesOnOneDatabase.StartAsync(sink);
        var requests = new Dictionary<Guid, int>();
        for (var i = 0; i < Erasures; i++)
        {
            var (customer, request) = await ApprovedErasureAsync(app, i);
            requests[customer] = request;
        }

        await app.RunJobsUntilAsync(async db => await db.ErasureRequests.AllAsync(r => r.State == ErasureState.Completed));

        await AssertCarriedOutOnceAsync(app, requests);
    }

    /// <summary>
    /// An officer's "run now" on one instance while the job carries out the same request on the other (the state
    /// machine lets the second run resume the first, it does not refuse it): the request is still carried out once,
    /// and the customer gets one completion email, not one per run.
    /// </summary>
    [PostgreSqlFact]
    public async Task An_erasure_run_now_on_one_instance_while_the_job_runs_it_on_the_other_is_carried_out_once()
    {
        const int Erasures = 4;
        await using var app = await TwoInstancesOnOneDatabase.StartAsync(sink);
        var requests = new Dictionary<Guid, int>();
        for (var i = 0; i < Erasures; i++)
        {
            var (customer, request) = await ApprovedErasureAsync(app, i);
            requests[customer] = request;
        }

        var officer = Actor.Staff(ErasureFixture.OfficerUserId);
        await Task.WhenAll(requests.Values.SelectMany(id => new[]
        {
            Task.Run(() => app.Get<ErasureRunner>(0).RunAsync(id, officer)),
            Task.Run(() => app.Get<ErasureRunner>(1).RunAsync(id, Actor.System(ErasureRunner.JobName))),
        }));

        await AssertCarriedOutOnceAsync(app, requests);
    }

    private static readonly LedgerEventType[] ExecutionEvents =
    [
        LedgerEventType.ErasureExecutionStarted, LedgerEventType.ErasureSuppressionWritten, LedgerEventType.ErasurePersonalDataDeleted,
        LedgerEventType.ErasureSignInDeleted, LedgerEventType.ErasureKeyDestroyed, LedgerEventType.CustomerErased,
        LedgerEventType.ErasureStorageForgotten, LedgerEventType.ErasureCompletionEmailed, LedgerEventType.ErasureCompleted,
    ];

    private async Task AssertCarriedOutOnceAsync(TwoInstancesOnOneDatabase app, Dictionary<Guid, int> requests)
    {
        await using var check = app.Database();
        foreach (var (customer, request) in requests)
        {
            Assert.Equal(ErasureState.Completed, await check.ErasureRequests.Where(r => r.Id == request).Select(r => r.State).SingleAsync());
            var events = await check.LedgerEntries.Where(e => e.SubjectId == customer).Select(e => e.EventType).ToListAsync();
            foreach (var once in ExecutionEvents)
            {
                Assert.True(events.Count(e => e == once) == 1, $"Request {request}: {events.Count(e => e == once)} × {once}.");
            }

            var done = (await sink.MessagesToAsync(ErasureEmail(customer)))
                .Where(m => m.Subject == "Your data has been erased").ToList();
            Assert.True(done.Count == 1, $"Request {request}: {done.Count} completion emails.");
        }
    }

    private static string ErasureEmail(Guid customer) => $"erase-{customer:N}@example.com";

    /// <summary>Customers who each granted profiling by email now (half through each instance).</summary>
    private static async Task<List<Guid>> CustomersWithProfilingAsync(TwoInstancesOnOneDatabase app)
    {
        var customers = new List<Guid>();
        for (var i = 0; i < Items; i++)
        {
            Guid id;
            await using (var db = app.Database())
            {
                id = await CatalogBuilder.AddCustomerAsync(db);
            }

            var result = await app.Get<ConsentService>(i).SetAsync(new ConsentChange(id, "profiling", Channel.Email, true, 0, Actor.Customer(id), ChangeSource.Web));
            Assert.True(result.Succeeded, result.Message);
            customers.Add(id);
        }

        return customers;
    }

    /// <summary>A customer with a sign-in who asked to be erased, confirmed by the emailed link, and an officer approved.</summary>
    private static async Task<(Guid Customer, int Request)> ApprovedErasureAsync(TwoInstancesOnOneDatabase app, int instance)
    {
        Guid customer;
        await using (var db = app.Database())
        {
            customer = await CatalogBuilder.AddCustomerAsync(db);
        }

        var services = app.Instances[instance % 2].Services;
        Assert.Equal(ErasureEmail(customer), await ErasureServices.AddSignInAsync(services, customer));
        var asked = await services.GetRequiredService<ErasureRequestService>().RequestAsync(customer, ErasureServices.Password, "en", ErasureFixture.ConfirmPage);
        Assert.Equal(ErasureOutcome.Saved, asked.Outcome);
        var id = asked.Request!.Id;
        var verified = await services.GetRequiredService<ErasureRequestService>().ConfirmAsync(services.GetRequiredService<ErasureLinks>().Issue(id, customer));
        Assert.Equal(ErasureState.Verified, verified.Request!.State);
        var officer = Actor.Staff(ErasureFixture.OfficerUserId);
        var approved = await services.GetRequiredService<ErasureTransitions>().ApplyAsync(
            id, ErasureAction.Approve, officer, ChangeSource.Web, owner: null, (r, now) => (r.DecidedAt, r.DecidedBy) = (now, officer.Id));
        Assert.Equal(ErasureState.Approved, approved.Request!.State);
        return (customer, id);
    }
}
