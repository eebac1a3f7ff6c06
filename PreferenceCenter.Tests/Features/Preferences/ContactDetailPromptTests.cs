using Bunit;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences;

public sealed class ContactDetailPromptTests : ComponentTestBase
{
    [Fact]
    public void It_asks_for_the_phone_in_international_format_and_hands_over_what_was_typed()
    {
        string? submitted = null;
        var cut = Render<ContactDetailPrompt>(p => p
            .Add(c => c.Detail, ContactDetail.Phone)
            .Add(c => c.ConsentLabel, "Marketing by SMS")
            .Add(c => c.Submitted, (string? value) => submitted = value));

        Assert.Equal("To turn on Marketing by SMS we need a phone number to send to", cut.Find("h2").TextContent);
        var input = cut.Find("input");
        Assert.Equal(("tel", "tel"), (input.GetAttribute("type"), input.GetAttribute("autocomplete")));
        input.Change("+39 333 123 4567");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save and turn on").Click();

        Assert.Equal("+39 333 123 4567", submitted);
    }

    [Fact]
    public void It_asks_for_a_postal_address_on_several_lines_and_says_why_a_value_was_refused()
    {
        var cancelled = false;
        var cut = Render<ContactDetailPrompt>(p => p
            .Add(c => c.Detail, ContactDetail.PostalAddress)
            .Add(c => c.ConsentLabel, "Marketing by post")
            .Add(c => c.Error, "Type the address on 2 to 6 lines of at most 100 characters each. Nothing was saved.")
            .Add(c => c.Cancelled, () => cancelled = true));

        Assert.Equal("street-address", cut.Find("textarea").GetAttribute("autocomplete"));
        Assert.Contains("Type the address on 2 to 6 lines", cut.Markup, StringComparison.Ordinal);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Not now").Click();
        Assert.True(cancelled);
    }
}
