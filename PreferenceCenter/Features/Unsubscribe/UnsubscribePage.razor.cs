using System.Globalization;
using Microsoft.AspNetCore.Components;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Unsubscribe;

public sealed partial class UnsubscribePage
{
    private LinkToken? link;
    private LinkTokenFailure? failure;
    private string consentLabel = string.Empty;
    private bool canLower = true;

    [Parameter]
    public string Token { get; set; } = string.Empty;

    /// <summary>What the last form post did (see <see cref="UnsubscribeDone"/>); set by the redirect after it.</summary>
    [SupplyParameterFromQuery]
    public string? Done { get; set; }

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    [Inject]
    private LinkTokens Tokens { get; set; } = default!;

    [Inject]
    private PrivacyNoticeService Notices { get; set; } = default!;

    [Inject]
    private ContactRulesService ContactRules { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var read = Tokens.TryRead(Token, LinkPurpose.Unsubscribe);
        if (!read.Succeeded)
        {
            failure = read.Failure;
            if (HttpContext is not null)
            {
                HttpContext.Response.StatusCode = read.Failure!.Value.StatusCode();
            }

            return;
        }

        link = read.Token;
        var notice = await Notices.GetCurrentAsync(CultureInfo.CurrentUICulture);
        var title = notice?.Purposes.FirstOrDefault(p => p.Key == link.PurposeKey)?.Title ?? link.PurposeKey;
        consentLabel = T.ConsentLabel(title, link.Channel);
        // Offer "less often" only where there is a step below what the customer already has.
        var rules = await ContactRules.GetAsync(link.CustomerId);
        canLower = UnsubscribeRules.CanLower(rules[link.Channel].Frequency);
    }

    private string ActionFor(string what) => $"{PublicLinks.UnsubscribePath}/{Uri.EscapeDataString(Token)}/{what}";
}
