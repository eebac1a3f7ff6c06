using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Compliance;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Tests.Features.Erasure;

namespace PreferenceCenter.Tests.Features.Compliance;

/// <summary>The officer's home page: each figure counted from the database, the extension asked for with a reason, the ledger checked on demand.</summary>
public sealed class CompliancePageTests : ErasurePageTestBase
{
    private async Task SignInWithComplianceAsync()
    {
        // Before signing in, which builds the service provider; they resolve the database only when used.
        Services.AddSingleton<LedgerVerifier>();
        Services.AddSingleton(Options.Create(new ComplianceOptions { DpoAddress = "dpo@example.com" }));
        Services.AddSingleton<LedgerAnchorService>();
        Services.AddSingleton<CompliancePanelService>();
        Services.AddSingleton<ErasureDeadlineService>();
        await SignInOfficerAsync();
    }

    [Fact]
    public async Task Panel_CountsEachFigure()
    {
        await SignInWithComplianceAsync();
        var now = Clock.GetUtcNow();
        await using (var db = Database.CreateDbContext())
        {
            var marketing = await db.Purposes.SingleAsync(p => p.Key == "marketing");
            db.Consents.AddRange(
                new Consent { CustomerId = CustomerId, PurposeId = marketing.Id, Channel = PreferenceCenter.Features.Common.Channel.Email, State = ConsentState.Granted, ChangedAt = now, ExpiresAt = now.AddDays(29), NoticeVersion = 1, Version = 1 },
                new Consent { CustomerId = CustomerId, PurposeId = marketing.Id, Channel = PreferenceCenter.Features.Common.Channel.Sms, State = ConsentState.Granted, ChangedAt = now, ExpiresAt = now.AddDays(31), NoticeVersion = 1, Version = 1 },
                new Consent { CustomerId = CustomerId, PurposeId = marketing.Id, Channel = PreferenceCenter.Features.Common.Channel.Post, State = ConsentState.PendingConfirmation, ChangedAt = now, NoticeVersion = 1, Version = 1 });
            db.OutboxMessages.AddRange(
                new OutboxMessage { MessageId = "<a@x>", CreatedAt = now, NextAttemptAt = now, Attempts = 2, LastError = "relay down" },
                new OutboxMessage { MessageId = "<b@x>", CreatedAt = now, NextAttemptAt = now, Attempts = 1, SentAt = now });
            db.ErasureRequests.AddRange(
                new PreferenceCenter.Features.Erasure.ErasureRequest { CustomerId = Guid.NewGuid(), State = PreferenceCenter.Features.Erasure.ErasureState.Verified, RequestedAt = now.AddDays(-40), DueAt = now.AddDays(-9), Culture = "en" },
                new PreferenceCenter.Features.Erasure.ErasureRequest { CustomerId = Guid.NewGuid(), State = PreferenceCenter.Features.Erasure.ErasureState.Approved, RequestedAt = now.AddDays(-25), DueAt = now.AddDays(5), Culture = "en" },
                new PreferenceCenter.Features.Erasure.ErasureRequest { CustomerId = Guid.NewGuid(), State = PreferenceCenter.Features.Erasure.ErasureState.Completed, RequestedAt = now.AddDays(-40), DueAt = now.AddDays(-9), Culture = "en" });
            await db.SaveChangesAsync();
        }

        var cut = Render<CompliancePage>();

        cut.WaitForAssertion(() => Assert.Equal(
            ("1", "1", "never yet", "1", "1", "1"),
            (Figure(cut, "overdue"), Figure(cut, "due-week"), Figure(cut, "anchor"), Figure(cut, "expiring"), Figure(cut, "waiting"), Figure(cut, "mail"))));
        Assert.Equal(2, cut.FindAll("tbody tr").Count);
        // Past a month since receipt the customer can no longer be told in time: no button for the overdue one.
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Extend the deadline");
    }

    [Fact]
    public async Task Extension_WithoutAReason_SaysSoAndWritesNothing_ThenWithOneExtendsAndMails()
    {
        await SignInWithComplianceAsync();
        var request = await VerifiedRequestAsync();
        var mailsBefore = MailsSent;
        Clock.Advance(TimeSpan.FromDays(25)); // due within the week, still within a month of its receipt
        var cut = Render<CompliancePage>();
        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Extend the deadline").Click());

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Extend and tell the customer").Click();

        cut.WaitForAssertion(() => Assert.Equal("Write why the request needs longer: the customer is told.", cut.Find("#extension-reason-problem").TextContent.Trim()));
        await using (var db = Database.CreateDbContext())
        {
            Assert.Null((await db.ErasureRequests.SingleAsync()).DeadlineExtendedAt);
        }

        cut.Find("#extension-reason").Input("Our archive needs a manual search.");
        cut.FindAll("input[type=radio]")[1].Change(true);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Extend and tell the customer").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            $"Request {request.Id}: deadline extended; the customer has been emailed the reason and the new date.", cut.Find("[role=status]").TextContent.Trim()));
        await using var read = Database.CreateDbContext();
        Assert.Equal(request.DueAt.AddMonths(2), (await read.ErasureRequests.SingleAsync()).DueAt);
        Assert.Equal(mailsBefore + 1, MailsSent);
    }

    [Fact]
    public async Task Verify_OnDemand_SaysTheLedgerIsIntact()
    {
        await SignInWithComplianceAsync();
        await VerifiedRequestAsync();
        var cut = Render<CompliancePage>();

        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Verify the ledger now").Click());

        cut.WaitForAssertion(() => Assert.StartsWith("Intact: all ", cut.Find("#ledger-check").TextContent.Trim(), StringComparison.Ordinal));
    }

    private static string Figure(IRenderedComponent<CompliancePage> cut, string id) => cut.Find($"#figure-{id}").TextContent.Trim();
}
