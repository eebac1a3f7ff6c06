using Bunit;
using Microsoft.AspNetCore.Components;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Components;

public sealed class TextAreaFieldTests : ComponentTestBase
{
    [Fact]
    public async Task Typing_ReachesTheOwnerAtOnceAndTheCounterFollows()
    {
        string? typed = null;
        var cut = Render<TextAreaField>(p => p
            .Add(f => f.Id, "note").Add(f => f.Label, "Your note").Add(f => f.MaxLength, 20)
            .Add(f => f.ValueChanged, (string? value) => typed = value));

        Assert.Equal("note", cut.Find("label").GetAttribute("for"));
        Assert.Equal("20", cut.Find("textarea").GetAttribute("maxlength"));
        Assert.Equal("0 / 20", cut.Find(".pc-textarea__counter").TextContent);

        await cut.Find("textarea").InputAsync(new ChangeEventArgs { Value = "hello" });

        Assert.Equal("hello", typed);
        Assert.Equal("5 / 20", cut.Find(".pc-textarea__counter").TextContent);
    }

    [Fact]
    public void AProblem_IsShownUnderTheBoxAndReadWithIt_AndTheTextStays()
    {
        var cut = Render<TextAreaField>(p => p
            .Add(f => f.Id, "note").Add(f => f.Label, "Your note").Add(f => f.MaxLength, 20)
            .Add(f => f.Value, "<b>x</b>").Add(f => f.ErrorText, "Plain text only.").Add(f => f.ErrorId, "note-problem"));

        var box = cut.Find("textarea");
        Assert.Equal("true", box.GetAttribute("aria-invalid"));
        Assert.Equal("Plain text only.", cut.Find($"#{box.GetAttribute("aria-describedby")}").TextContent);
        Assert.Equal("<b>x</b>", box.TextContent);
        Assert.Empty(cut.FindAll("b"));
    }

    [Fact]
    public void WithoutAProblem_NothingIsMarkedInvalid()
    {
        var cut = Render<TextAreaField>(p => p.Add(f => f.Id, "note").Add(f => f.Label, "Your note").Add(f => f.MaxLength, 20).Add(f => f.Disabled, true));

        var box = cut.Find("textarea");
        Assert.Null(box.GetAttribute("aria-invalid"));
        Assert.Null(box.GetAttribute("aria-describedby"));
        Assert.True(box.HasAttribute("disabled"));
        Assert.Empty(cut.FindAll(".field-problem"));
    }
}
