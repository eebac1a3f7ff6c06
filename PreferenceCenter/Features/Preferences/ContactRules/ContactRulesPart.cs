using Microsoft.AspNetCore.Components;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// A section that changes contact rules. The page holds the rules (the pause banner and the contact section show the
/// same ones), so after each change the section re-reads them and hands them up.
/// </summary>
public abstract class ContactRulesPart : PreferenceSection
{
    [Parameter]
    public EventCallback<IReadOnlyDictionary<Channel, ContactRuleView>> RulesChanged { get; set; }

    [Inject]
    protected ContactRulesService ContactRules { get; set; } = default!;

    protected async Task<IReadOnlyDictionary<Channel, ContactRuleView>> RefreshRulesAsync()
    {
        var rules = await ContactRules.GetAsync(CustomerId);
        await RulesChanged.InvokeAsync(rules);
        return rules;
    }
}
