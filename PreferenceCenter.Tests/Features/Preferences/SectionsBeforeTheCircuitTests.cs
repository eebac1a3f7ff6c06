using Bunit;
using Microsoft.AspNetCore.Components;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.Features.Preferences;

public sealed class SectionsBeforeTheCircuitTests : PreferencesPageSectionTests
{
    [Fact]
    public async Task Render_WhilePrerendered_DisablesEveryControlOfThePanelsSections()
    {
        await SignInCustomerAsync();
        await ContactRules.PauseAsync(CustomerId, [Channel.Email], Now.AddDays(7), Actor.Customer(CustomerId), ChangeSource.Web);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderPage();

        var controls = cut.FindAll(".pause-banner button, section.contact-rules :is(select, input, button), section.feedback :is(select, input, textarea, button)");
        Assert.True(controls.Count > 15);
        Assert.All(controls, c => Assert.True(c.HasAttribute("disabled"), c.OuterHtml));
    }
}
