using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Webhooks.Admin;

/// <summary>
/// The officer's webhook endpoints: register one for an API client (its secret shown once), see how delivery to each
/// is going, send dead letters again, remove; and mark clients as a partner's, for the customers' /my-data.
/// </summary>
public sealed partial class WebhooksPage
{
    private readonly EndpointForm form = new();
    private readonly Dictionary<string, string> problems = [];
    private IReadOnlyList<WebhookClientView>? clients;
    private IReadOnlyList<Recipient> partners = [];
    private IReadOnlyList<WebhookEndpointHealth>? endpoints;
    private StatusMessage? status;
    private string? issuedSecret;
    private Guid? confirmingRemove;
    private bool working;
    private string officer = string.Empty;

    [Inject] private WebhookAdminService Webhooks { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool Locked => working || !RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        officer = (await AuthenticationState).User.GetUserId();
        partners = await Webhooks.PartnersAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        clients = await Webhooks.ClientsAsync();
        endpoints = await Webhooks.ListAsync();
        if (clients.Count > 0 && !clients.Any(c => c.Id == form.ClientId))
        {
            form.ClientId = clients[0].Id;
        }
    }

    private void Toggle(string type, bool on)
    {
        if (on)
        {
            form.Types.Add(type);
        }
        else
        {
            form.Types.Remove(type);
        }
    }

    private async Task RegisterAsync()
    {
        problems.Clear();
        var result = await RunAsync(() => Webhooks.RegisterAsync(form.ClientId, form.Url, form.Types, officer));
        switch (result)
        {
            case { UrlProblem: { } url }:
                problems["url"] = T[$"Webhooks.UrlProblem.{url}", WebhookEndpoint.UrlMaxLength];
                status = new StatusMessage(Severity.Error, T["Webhooks.NotRegistered"]);
                return;
            case { Problem: WebhookAdminProblem.NoEventType }:
                problems["events"] = T["Webhooks.Problem.NoEventType"];
                status = new StatusMessage(Severity.Error, T["Webhooks.NotRegistered"]);
                return;
            case { Problem: { } problem }:
                status = new StatusMessage(Severity.Error, T[$"Webhooks.Problem.{problem}"]);
                return;
        }

        issuedSecret = result.Secret;
        status = new StatusMessage(Severity.Success, T["Webhooks.Registered"]);
        form.Url = null;
        form.Types.Clear();
    }

    private async Task SendAgainAsync(WebhookEndpointHealth endpoint)
    {
        var result = await RunAsync(() => Webhooks.SendDeadLettersAgainAsync(endpoint.Id, officer));
        status = result.Problem is { } problem
            ? new StatusMessage(Severity.Error, T[$"Webhooks.Problem.{problem}"])
            : new StatusMessage(Severity.Success, T["Webhooks.SentAgain", result.Count]);
    }

    private async Task RemoveAsync(WebhookEndpointHealth endpoint)
    {
        confirmingRemove = null;
        var result = await RunAsync(() => Webhooks.RemoveAsync(endpoint.Id, officer));
        status = result.Problem is { } problem
            ? new StatusMessage(Severity.Error, T[$"Webhooks.Problem.{problem}"])
            : new StatusMessage(Severity.Success, T["Webhooks.Removed", endpoint.Url]);
    }

    private async Task SetPartnerAsync(WebhookClientView client, string? value)
    {
        int? recipient = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var result = await RunAsync(() => Webhooks.SetPartnerAsync(client.Id, recipient, officer));
        status = result.Problem is { } problem
            ? new StatusMessage(Severity.Error, T[$"Webhooks.Problem.{problem}"])
            : new StatusMessage(Severity.Success, recipient is null
                ? T["Webhooks.PartnerCleared", client.Name]
                : T["Webhooks.PartnerSet", client.Name, partners.First(p => p.Id == recipient).Name]);
    }

    private async Task<WebhookAdminResult> RunAsync(Func<Task<WebhookAdminResult>> change)
    {
        working = true;
        try
        {
            var result = await change();
            await LoadAsync();
            return result;
        }
        finally
        {
            working = false;
        }
    }

    private string StateText(WebhookEndpointHealth endpoint) => endpoint.DisabledAt is { } disabled
        ? T["Webhooks.StateGone", When(disabled)]
        : T["Webhooks.StateActive", When(endpoint.CreatedAt)];

    private static string When(DateTimeOffset moment) => TimeFormat.DateAndTime(moment, CultureInfo.CurrentUICulture, null);

    private sealed class EndpointForm
    {
        public Guid ClientId { get; set; }
        public string? Url { get; set; }
        public HashSet<string> Types { get; } = [];
    }
}
