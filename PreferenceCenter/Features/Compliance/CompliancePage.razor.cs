using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Compliance;

/// <summary>The officer's home page: the panel's figures, the erasure requests to act on, and the ledger checked against its anchor.</summary>
public sealed partial class CompliancePage
{
    private CompliancePanel? panel;
    private AnchorCheck? check;
    private StatusMessage? status;
    private (int Id, string Text)? extensionProblem;
    private bool busy;
    private ClaimsPrincipal? officer;

    [Inject] private CompliancePanelService Panel { get; set; } = default!;
    [Inject] private LedgerAnchorService Anchors { get; set; } = default!;
    [Inject] private ErasureDeadlineService Deadlines { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool Locked => busy || !RendererInfo.IsInteractive;

    private string AnchorText => panel switch
    {
        { DaysSinceAnchor: int days } => T.Plural("Compliance.Anchor.DaysAgo", days),
        { DpoConfigured: false } => T["Compliance.Anchor.NoDpo"],
        _ => T["Compliance.Anchor.Never"],
    };

    private string CheckText => check switch
    {
        { Verification.IsIntact: true, Anchor: { } anchor } => T["Compliance.Ledger.Intact", check.Verification.EntriesChecked, anchor.Sequence,
            TimeFormat.DateAndTime(anchor.AnchoredAt, CultureInfo.CurrentUICulture)],
        { Verification.IsIntact: true } => T["Compliance.Ledger.IntactNoAnchor", check.Verification.EntriesChecked],
        { Verification.FirstBadSequence: long bad } => T["Compliance.Ledger.BrokenAt", bad, check.Verification.Problem ?? string.Empty],
        _ => T["Compliance.Ledger.Broken", check?.Verification.Problem ?? string.Empty],
    };

    protected override async Task OnInitializedAsync()
    {
        officer = (await AuthenticationState).User;
        panel = await Panel.GetAsync();
    }

    private async Task VerifyAsync()
    {
        busy = true;
        try
        {
            check = await Anchors.VerifyAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ExtendAsync(DeadlineExtension extension)
    {
        busy = true;
        try
        {
            var outcome = await Deadlines.ExtendAsync(officer!, extension.RequestId, extension.Months, extension.Reason);
            var number = extension.RequestId.ToString(CultureInfo.CurrentCulture);
            if (outcome == DeadlineExtensionOutcome.Extended)
            {
                extensionProblem = null;
                status = new StatusMessage(Severity.Success, T["Compliance.Extension.Done", number]);
                panel = await Panel.GetAsync();
            }
            else
            {
                extensionProblem = (extension.RequestId, T[$"Compliance.Extension.Outcome.{outcome}", DeadlineExtensionRules.ReasonMaxLength]);
                status = new StatusMessage(Severity.Error, T["Compliance.Extension.NotDone", number]);
            }
        }
        finally
        {
            busy = false;
        }
    }
}
