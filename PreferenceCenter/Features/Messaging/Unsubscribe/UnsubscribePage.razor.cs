using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Messaging.Unsubscribe;

public sealed partial class UnsubscribePage
{
    private LinkToken? link;
    private LinkTokenFailure? failure;
    private string consentLabel = string.Empty;

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
    }

    private string ActionFor(string what) => $"{PublicLinks.UnsubscribePath}/{Uri.EscapeDataString(Token)}/{what}";
}
