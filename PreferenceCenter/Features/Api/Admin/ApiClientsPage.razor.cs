using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Api.Admin;

/// <summary>
/// The officer's API clients: create one (its key shown once, here, and never again), rotate a key with a grace period
/// for the old one, revoke at once. Every change is a ledger entry, written by <see cref="ApiClientService"/>.
/// </summary>
public sealed partial class ApiClientsPage
{
    private static readonly int[] GraceHours = [0, 1, 24, 24 * 7, 24 * 30];

    private readonly ClientForm form = new();
    private readonly Dictionary<string, string> problems = [];
    private readonly Dictionary<Guid, int> grace = [];
    private IReadOnlyList<ApiClientView>? clients;
    private StatusMessage? status;
    private string? issuedKey;
    private string? issuedFor;
    private Guid? confirmingRevoke;
    private bool working;
    private string officer = string.Empty;

    [Inject] private ApiClientService Clients { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    // Until the circuit is connected, typing and clicks would reach only the pre-rendered page and be lost.
    private bool Locked => working || !RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        officer = (await AuthenticationState).User.GetUserId();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        clients = await Clients.ListAsync();
        foreach (var client in clients)
        {
            grace.TryAdd(client.Id, 24);
        }
    }

    private void Toggle(string scope, bool on)
    {
        if (on)
        {
            form.Scopes.Add(scope);
        }
        else
        {
            form.Scopes.Remove(scope);
        }
    }

    private async Task CreateAsync()
    {
        problems.Clear();
        var result = await RunAsync(() => Clients.CreateAsync(form.Name, form.Scopes, form.RequestsPerMinute, officer));
        if (result.Problem is { } problem)
        {
            problems[FieldOf(problem)] = T[$"Api.Clients.Problem.{problem}", ApiClient.NameMaxLength, ApiClient.MinRequestsPerMinute, ApiClient.MaxRequestsPerMinute];
            status = new StatusMessage(Severity.Error, T["Api.Clients.NotCreated"]);
            return;
        }

        Issued(result, T["Api.Clients.Created", result.Client!.Name]);
        form.Reset();
    }

    private async Task RotateAsync(ApiClientView client)
    {
        var hours = grace.GetValueOrDefault(client.Id);
        var result = await RunAsync(() => Clients.RotateAsync(client.Id, TimeSpan.FromHours(hours), officer));
        if (result.Problem is { } problem)
        {
            status = new StatusMessage(Severity.Error, T[$"Api.Clients.Problem.{problem}"]);
            return;
        }

        Issued(result, hours == 0
            ? T["Api.Clients.RotatedNow", client.Name]
            : T["Api.Clients.Rotated", client.Name, When(result.Client!.PreviousSecretValidUntil!.Value)]);
    }

    private async Task RevokeAsync(ApiClientView client)
    {
        confirmingRevoke = null;
        var result = await RunAsync(() => Clients.RevokeAsync(client.Id, officer));
        status = result.Problem is { } problem
            ? new StatusMessage(Severity.Error, T[$"Api.Clients.Problem.{problem}"])
            : new StatusMessage(Severity.Success, T["Api.Clients.Revoked", client.Name]);
        if (issuedFor == client.Name)
        {
            ForgetKey();
        }
    }

    private async Task<ApiClientResult> RunAsync(Func<Task<ApiClientResult>> change)
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

    private void Issued(ApiClientResult result, string message)
    {
        issuedKey = result.Key;
        issuedFor = result.Client!.Name;
        status = new StatusMessage(Severity.Success, message);
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", issuedKey);
            status = new StatusMessage(Severity.Success, T["Api.Clients.Copied"]);
        }
        catch (JSException)
        {
            // A browser that refuses the clipboard (no permission, no secure context): the field is still there to select.
            status = new StatusMessage(Severity.Info, T["Api.Clients.CopyByHand"]);
        }
    }

    private void ForgetKey()
    {
        issuedKey = null;
        issuedFor = null;
    }

    private string StateText(ApiClientView client) => client switch
    {
        { RevokedAt: { } revoked } => T["Api.Clients.StateRevoked", When(revoked)],
        { PreviousSecretValidUntil: { } until } when until > Time.GetUtcNow() => T["Api.Clients.StateRotating", When(until)],
        _ => T["Api.Clients.StateActive", When(client.CreatedAt)],
    };

    private string GraceText(int hours) => hours switch
    {
        0 => T["Api.Clients.GraceNone"],
        < 24 => T.Plural("Api.Clients.GraceHours", hours),
        _ => T.Plural("Api.Clients.GraceDays", hours / 24),
    };

    private static string When(DateTimeOffset moment) => TimeFormat.DateAndTime(moment, CultureInfo.CurrentUICulture, null);

    private static string FieldOf(ApiClientProblem problem) => problem switch
    {
        ApiClientProblem.NameRequired or ApiClientProblem.NameTooLong or ApiClientProblem.NameHasControlCharacter => "name",
        ApiClientProblem.NoScope or ApiClientProblem.UnknownScope => "scopes",
        _ => "limit",
    };

    private sealed class ClientForm
    {
        public string? Name { get; set; }
        public HashSet<string> Scopes { get; } = [];
        public int RequestsPerMinute { get; set; } = ApiClient.DefaultRequestsPerMinute;

        public void Reset()
        {
            Name = null;
            Scopes.Clear();
            RequestsPerMinute = ApiClient.DefaultRequestsPerMinute;
        }
    }
}
