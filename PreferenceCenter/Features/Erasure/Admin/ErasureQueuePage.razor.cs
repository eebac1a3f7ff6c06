using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Erasure.Admin;

/// <summary>
/// The officer's erasure queue: due dates and days left (overdue marked), approve, reject with a reason, run an
/// approved request now. Every action reloads the queue, so what the officer sees is what is stored.
/// </summary>
public sealed partial class ErasureQueuePage
{
    private IReadOnlyList<ErasureRequestView>? requests;
    private StatusMessage? status;
    private ErasureRequestView? rejecting;
    private string? reason;
    private string? reasonProblem;
    private bool busy;
    private ClaimsPrincipal? officer;

    [Inject] private ErasureQueueService Queue { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool Locked => busy || !RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        officer = (await AuthenticationState).User;
        requests = await Queue.ListAsync(officer);
    }

    private static string Date(DateTimeOffset value) => TimeFormat.ShortDate(value, CultureInfo.CurrentUICulture);

    private string RequestName(ErasureRequestView request) => T["Erasure.Queue.RequestName", request.Id];

    private Task ApproveAsync(ErasureRequestView request) =>
        RunAsync(request, () => Queue.ApproveAsync(officer!, request.Id), "Erasure.Queue.Approved");

    private Task RunNowAsync(ErasureRequestView request) =>
        RunAsync(request, () => Queue.RunNowAsync(officer!, request.Id), "Erasure.Queue.Completed");

    private void StartRejecting(ErasureRequestView request) => (rejecting, reason, reasonProblem) = (request, null, null);

    private void StopRejecting() => (rejecting, reason, reasonProblem) = (null, null, null);

    private async Task RejectAsync()
    {
        var request = rejecting!;
        if (ErasureRules.CheckReason(reason) is { } problem)
        {
            // Said by the field and nothing is sent: the reason is what the customer will read.
            reasonProblem = T[$"Erasure.Problem.{problem}"];
            return;
        }

        await RunAsync(request, () => Queue.RejectAsync(officer!, request.Id, reason), "Erasure.Queue.Rejected");
        if (status?.Severity == Severity.Success)
        {
            StopRejecting();
        }
    }

    private async Task RunAsync(ErasureRequestView request, Func<Task<ErasureResult>> action, string doneKey)
    {
        busy = true;
        try
        {
            var result = await action();
            requests = await Queue.ListAsync(officer!);
            var name = RequestName(request);
            status = result.Outcome switch
            {
                ErasureOutcome.Saved => new StatusMessage(Severity.Success, T[doneKey, name]),
                ErasureOutcome.Unchanged => new StatusMessage(Severity.Info, T["Erasure.Queue.Unchanged", name, T[$"Erasure.Queue.State.{result.Request!.State}"]]),
                _ => new StatusMessage(Severity.Warning, T["Erasure.Queue.Refused", name, T[$"Erasure.Problem.{result.Problem}"]]),
            };
        }
        finally
        {
            busy = false;
        }
    }
}
