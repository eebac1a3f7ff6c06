using Bunit;
using Microsoft.AspNetCore.Components;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Erasure.Admin;

namespace PreferenceCenter.Tests.Features.Erasure.Admin;

public sealed class ErasureQueuePageTests : ErasurePageTestBase
{
    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ErasureQueuePage> cut, string name) =>
        cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == name || b.TextContent.Trim() == name);

    private static string Status(IRenderedComponent<ErasureQueuePage> cut) => cut.Find("[role=status]").TextContent.Trim();

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<ErasureQueuePage> cut, int id) => cut.Find($"tr[data-request='{id}']");

    [Fact]
    public async Task Render_ShowsDueDateAndDaysLeft()
    {
        await SignInOfficerAsync();
        // Asked on 10 Jan 2030, so due a month later (10 Feb 2030); the queue is read 12 days before that.
        Clock.SetUtcNow(new DateTimeOffset(2030, 1, 10, 10, 0, 0, TimeSpan.Zero));
        var request = await VerifiedRequestAsync();
        Clock.SetUtcNow(new DateTimeOffset(2030, 1, 29, 10, 0, 0, TimeSpan.Zero));

        var cut = Render<ErasureQueuePage>();

        cut.WaitForElement("table");
        var cells = Row(cut, request.Id).Children.Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal($"Request #{request.Id}", cells[0]);
        Assert.Equal("10 Jan 2030", cells[1]);
        Assert.Equal("10 Feb 2030", cells[2]);
        Assert.Equal("12", cells[3]);
        Assert.Equal("Confirmed, to decide", cells[4]);
        Assert.Empty(cut.FindAll(".erasure-queue__overdue"));
    }

    [Fact]
    public async Task Render_MarksARequestPastItsDueDateAsOverdue()
    {
        await SignInOfficerAsync();
        // Asked at 10:00 so that an hour past the due moment is still the same UTC day (the test clock starts at the
        // wall clock, and an hour past 23:30 is tomorrow: that made it 3 days, late in the evening).
        Clock.SetUtcNow(new DateTimeOffset(2030, 1, 10, 10, 0, 0, TimeSpan.Zero));
        var request = await VerifiedRequestAsync();
        Clock.SetUtcNow(request.DueAt.AddDays(2).AddHours(1));

        var cut = Render<ErasureQueuePage>();

        cut.WaitForElement("table");
        var row = Row(cut, request.Id);
        Assert.Contains("erasure-queue__overdue", row.ClassList);
        Assert.Equal("Overdue by 2 days", row.QuerySelector(".erasure-queue__overdue-label")!.TextContent.Trim());
    }

    [Fact]
    public async Task Reject_WithoutAReason_SaysSoByTheField_AndChangesNothing()
    {
        await SignInOfficerAsync();
        var request = await VerifiedRequestAsync();
        var cut = Render<ErasureQueuePage>();
        cut.WaitForElement("table");

        await Button(cut, $"Reject Request #{request.Id}").ClickAsync(new());
        await Button(cut, "Reject and tell the customer").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Write the reason the customer will be told.", cut.Find("#erasure-reason-problem").TextContent.Trim()));
        Assert.Equal(ErasureState.Verified, Assert.Single(await Requests.ListAsync(CustomerId)).State);
    }

    [Fact]
    public async Task Reject_WithAReason_RejectsAndSaysTheCustomerWasTold()
    {
        await SignInOfficerAsync();
        var request = await VerifiedRequestAsync();
        var cut = Render<ErasureQueuePage>();
        cut.WaitForElement("table");

        await Button(cut, $"Reject Request #{request.Id}").ClickAsync(new());
        await cut.Find("#erasure-reason").InputAsync(new ChangeEventArgs { Value = "Legal hold: open warranty claim" });
        await Button(cut, "Reject and tell the customer").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal($"Request #{request.Id} rejected; the customer has been told why.", Status(cut)));
        var stored = Assert.Single(await Requests.ListAsync(CustomerId));
        Assert.Equal((ErasureState.Rejected, "Legal hold: open warranty claim"), (stored.State, stored.RejectionReason));
    }

    [Fact]
    public async Task Approve_ThenRunNow_CompletesTheRequest()
    {
        await SignInOfficerAsync();
        var request = await VerifiedRequestAsync();
        var cut = Render<ErasureQueuePage>();
        cut.WaitForElement("table");

        await Button(cut, $"Approve Request #{request.Id}").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal($"Request #{request.Id} approved; the customer has been told.", Status(cut)));
        await Button(cut, $"Run Request #{request.Id} now").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal($"Request #{request.Id} carried out: the customer's data is erased.", Status(cut)));
        Assert.Equal("Completed", Row(cut, request.Id).Children[4].TextContent.Trim());
        Assert.Empty(Row(cut, request.Id).QuerySelectorAll("button"));
    }
}
