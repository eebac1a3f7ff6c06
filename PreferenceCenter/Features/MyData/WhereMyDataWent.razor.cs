using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Webhooks;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.MyData;

/// <summary>The /my-data section that says, per partner, what we share and whether each withdrawal or erasure reached them.</summary>
public sealed partial class WhereMyDataWent
{
    private IReadOnlyList<PartnerRecord>? partners;

    [Parameter, EditorRequired] public Guid CustomerId { get; set; }

    [Inject] private WhereMyDataWentService Service { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private ReaderTimeZone? ReaderTimeZone { get; set; }

    protected override async Task OnParametersSetAsync() =>
        partners = await Service.GetAsync(CustomerId, CultureInfo.CurrentUICulture);

    private string When(DateTimeOffset at) => TimeFormat.DateAndTime(at, CultureInfo.CurrentUICulture, ReaderTimeZone);

    private string What(PartnerNotice notice) => notice.Erasure
        ? T["MyData.Partners.ToldErasure", When(notice.At)]
        : T["MyData.Partners.ToldWithdrawal", When(notice.At), T.ConsentLabel(notice.PurposeTitle ?? string.Empty, notice.Channel ?? Common.Channel.Email)];

    private string Status(PartnerNotice notice) => notice.State switch
    {
        WebhookDeliveryState.Acknowledged => T["MyData.Partners.Acknowledged", When(notice.AcknowledgedAt!.Value)],
        WebhookDeliveryState.Failing => T["MyData.Partners.Failing"],
        WebhookDeliveryState.DeadLettered => T["MyData.Partners.DeadLettered"],
        _ => T["MyData.Partners.Waiting"],
    };
}
