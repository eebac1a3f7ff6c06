using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.MyData;

/// <summary>Everything held about the signed-in customer, readable and printable, with the JSON download beside it.</summary>
public sealed partial class MyDataPage
{
    private MyDataExport? data;
    private bool loaded;
    private Guid customerId;

    [Inject] private MyDataService MyData { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [CascadingParameter] private ReaderTimeZone? ReaderTimeZone { get; set; }

    private static string DownloadHref => MyDataEndpoints.DownloadPath.TrimStart('/');

    protected override async Task OnInitializedAsync()
    {
        customerId = (await AuthenticationState).User.GetCustomerId() ?? throw new InvalidOperationException("The customer policy guarantees a customer id claim.");
        data = await MyData.GetAsync(customerId, CultureInfo.CurrentUICulture);
        loaded = true;
    }

    private static string Date(DateTimeOffset value) => TimeFormat.Date(value, CultureInfo.CurrentUICulture);

    private static string ConsentHeadingId(ConsentRecord consent) => $"consent-{consent.Processing.PurposeKey}-{consent.Channel}";

    private string FeedbackText(FeedbackRecord feedback)
    {
        var said = new List<string>();
        if (feedback.TooOften)
        {
            said.Add(T["History.Feedback.TooOften"]);
        }

        if (feedback.NotRelevant)
        {
            said.Add(T["History.Feedback.NotRelevant"]);
        }

        if (feedback.Comment is { } comment)
        {
            said.Add($"“{comment}”");
        }

        return string.Join("; ", said);
    }
}
