using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Support;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Support;

public sealed class OnBehalfFormTests : ComponentTestBase
{
    private readonly List<OnBehalfRequest> started = [];

    private IRenderedComponent<OnBehalfForm> RenderForm() =>
        Render<OnBehalfForm>(p => p.Add(f => f.Started, (OnBehalfRequest r) => started.Add(r)));

    private static Task StartAsync(IRenderedComponent<OnBehalfForm> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Start acting for this customer").ClickAsync(new MouseEventArgs());

    private static Task WriteReasonAsync(IRenderedComponent<OnBehalfForm> cut, string reason) =>
        cut.Find("#on-behalf-reason").InputAsync(new ChangeEventArgs { Value = reason });

    [Fact]
    public async Task Start_WithNeitherChannelNorReason_CannotProceedAndSaysWhatIsMissing()
    {
        var cut = RenderForm();

        await StartAsync(cut);

        Assert.Empty(started);
        Assert.Equal("Choose how the customer asked: phone, email, letter or in person.", cut.Find("#request-channel-problem").TextContent.Trim());
        Assert.Equal("request-channel-problem", cut.Find("fieldset").GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Start_WithAChannelButNoReason_CannotProceed()
    {
        var cut = RenderForm();
        await cut.Find("#request-channel-Phone").ChangeAsync(new ChangeEventArgs { Value = "Phone" });
        await WriteReasonAsync(cut, "   ");

        await StartAsync(cut);

        Assert.Empty(started);
        Assert.Empty(cut.FindAll("#request-channel-problem"));
        cut.WaitForAssertion(() => Assert.Contains("Write why you are making this change", cut.Find("#on-behalf-reason-problem").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithAReasonButNoChannel_CannotProceed()
    {
        var cut = RenderForm();
        await WriteReasonAsync(cut, "Asked to stop texts");

        await StartAsync(cut);

        Assert.Empty(started);
        Assert.Single(cut.FindAll("#request-channel-problem"));
    }

    [Fact]
    public async Task Start_WithAControlCharacterInTheReason_CannotProceedAndSaysWhyByTheField()
    {
        var cut = RenderForm();
        await cut.Find("#request-channel-Phone").ChangeAsync(new ChangeEventArgs { Value = "Phone" });
        await WriteReasonAsync(cut, "Asked to stop\0 texts");

        await StartAsync(cut);

        Assert.Empty(started);
        cut.WaitForAssertion(() => Assert.Equal(
            "The reason holds a control character (such as NUL), which cannot be saved: remove it. Line breaks are fine.",
            cut.Find("#on-behalf-reason-problem").TextContent.Trim()));
    }

    [Fact]
    public async Task Start_WithChannelAndReason_ProceedsWithTheTrimmedReason()
    {
        var cut = RenderForm();
        await cut.Find("#request-channel-Letter").ChangeAsync(new ChangeEventArgs { Value = "Letter" });
        await WriteReasonAsync(cut, "  Letter of 20 Nov asks to stop marketing  ");

        await StartAsync(cut);

        Assert.Equal([new OnBehalfRequest(RequestChannel.Letter, "Letter of 20 Nov asks to stop marketing")], started);
    }

    [Fact]
    public void Form_WarnsNotToTypePersonalDataAndBoundsTheReason()
    {
        var cut = RenderForm();

        Assert.StartsWith("Do not type personal data", cut.Find("#on-behalf-warning").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(LedgerEntry.ReasonMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find("#on-behalf-reason").GetAttribute("maxlength"));
        Assert.Equal(4, cut.FindAll("input[type=radio]").Count);
    }
}
