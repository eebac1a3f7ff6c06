using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// "Forget me": what goes, what stays and why, by when; the request (password again, then the emailed link); its
/// status; cancel until the erasure starts.
/// </summary>
public sealed partial class ForgetMePage
{
    private static readonly Dictionary<string, object> PasswordAttributes = new() { ["autocomplete"] = "current-password" };

    private IReadOnlyList<ErasureRequestView>? requests;
    private StatusMessage? status;
    private string? password;
    private string? passwordProblem;
    private bool busy;
    private int deadlineMonths;
    private Guid customerId;

    [Inject] private ErasureRequestService Requests { get; set; } = default!;
    [Inject] private IOptions<ErasureOptions> Options { get; set; } = default!;
    // Links in emails come from App:PublicBaseUrl, never from the request's Host header, which the sender controls.
    [Inject] private PublicLinks Links { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ErasureRequestView? Latest => requests is { Count: > 0 } all ? all[0] : null;

    // Until the circuit is connected a click would reach only the pre-rendered page and be lost.
    private bool Locked => busy || !RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        customerId = (await AuthenticationState).User.GetCustomerId() ?? throw new InvalidOperationException("The customer policy guarantees a customer id claim.");
        deadlineMonths = Options.Value.DeadlineMonths;
        requests = await Requests.ListAsync(customerId);
    }

    private static string Date(DateTimeOffset value) => TimeFormat.Date(value, CultureInfo.CurrentUICulture);

    private string StateText(ErasureRequestView request) => T[$"Erasure.State.{request.State}"];

    private async Task RequestAsync()
    {
        busy = true;
        try
        {
            var result = await Requests.RequestAsync(
                customerId, password, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Links.To("forget-me/confirm"));
            password = null;
            passwordProblem = result.Problem == ErasureProblem.WrongPassword ? T["Erasure.Problem.WrongPassword"].Value : null;
            status = result.Outcome == ErasureOutcome.Saved
                ? new StatusMessage(Severity.Success, T["Erasure.Ask.Sent"])
                : new StatusMessage(Severity.Error, T[$"Erasure.Problem.{result.Problem}"]);
            requests = await Requests.ListAsync(customerId);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ResendAsync(ErasureRequestView request)
    {
        busy = true;
        try
        {
            var result = await Requests.ResendLinkAsync(customerId, request.Id, Links.To("forget-me/confirm"));
            status = result.Outcome == ErasureOutcome.Saved
                ? new StatusMessage(Severity.Success, T.Plural("Erasure.Link.Resent", Options.Value.ConfirmationLinkHours))
                : new StatusMessage(Severity.Error, T[$"Erasure.Problem.{result.Problem}"]);
            requests = await Requests.ListAsync(customerId);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task CancelAsync(ErasureRequestView request)
    {
        busy = true;
        try
        {
            var result = await Requests.CancelAsync(customerId, request.Id);
            // Cancelling a request still waiting for its link is "cancel and ask again": the form is right below.
            status = result.Succeeded
                ? new StatusMessage(Severity.Success, request.State == ErasureState.Requested ? $"{T["Erasure.Cancelled"]} {T["Erasure.AskAgainBelow"]}" : T["Erasure.Cancelled"])
                : new StatusMessage(Severity.Error, T[$"Erasure.Problem.{result.Problem}"]);
            requests = await Requests.ListAsync(customerId);
        }
        finally
        {
            busy = false;
        }
    }
}
