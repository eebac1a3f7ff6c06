using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Privacy.Admin;

/// <summary>
/// The officer's validity per consent-based purpose: months typed are checked here for the message next to the field,
/// and again by <see cref="PurposeValidityService"/>, which writes nothing out of bounds.
/// </summary>
public sealed partial class PurposesPage
{
    private IReadOnlyList<PurposeValidity>? purposes;
    private readonly Dictionary<string, int?> months = [];
    private readonly Dictionary<string, string> problems = [];
    private readonly Dictionary<string, int?> days = [];
    private readonly Dictionary<string, string> retentionProblems = [];
    private StatusMessage? status;
    private bool saving;
    private Actor? officer;

    [Inject] private PurposeValidityService Validity { get; set; } = default!;
    [Inject] private PurposeRetentionService Retention { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    // Until the circuit is connected, typing and clicks would reach only the pre-rendered page and be lost.
    private bool Locked => saving || !RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        officer = Actor.Staff((await AuthenticationState).User.GetUserId());
        purposes = await Validity.ListAsync(CultureInfo.CurrentUICulture);
        foreach (var purpose in purposes)
        {
            months[purpose.Key] = purpose.ValidityMonths;
            days[purpose.Key] = purpose.RetentionAfterEndDays;
        }
    }

    private async Task SaveAsync(PurposeValidity purpose)
    {
        var value = months.GetValueOrDefault(purpose.Key);
        problems.Remove(purpose.Key);
        if (!PurposeValidityRules.IsValid(value))
        {
            problems[purpose.Key] = T["Lifecycle.Purposes.OutOfBounds", PurposeValidityRules.MinMonths, PurposeValidityRules.MaxMonths];
            status = new StatusMessage(Severity.Error, T["Lifecycle.Purposes.NotSaved", purpose.Title]);
            return;
        }

        saving = true;
        try
        {
            var outcome = await Validity.SetAsync(purpose.Key, value, officer!);
            status = outcome switch
            {
                ValiditySaveOutcome.Saved => new StatusMessage(Severity.Success, Describe("Lifecycle.Purposes.Saved", purpose.Title, value)),
                ValiditySaveOutcome.Unchanged => new StatusMessage(Severity.Info, Describe("Lifecycle.Purposes.Unchanged", purpose.Title, value)),
                _ => new StatusMessage(Severity.Error, T[$"Lifecycle.Purposes.Outcome.{outcome}", purpose.Title]),
            };
        }
        finally
        {
            saving = false;
        }
    }

    private async Task SaveRetentionAsync(PurposeValidity purpose)
    {
        var value = days.GetValueOrDefault(purpose.Key);
        retentionProblems.Remove(purpose.Key);
        if (!PurposeRetentionRules.IsValid(value))
        {
            retentionProblems[purpose.Key] = T["Retention.Purposes.OutOfBounds", PurposeRetentionRules.MinDays, PurposeRetentionRules.MaxDays];
            status = new StatusMessage(Severity.Error, T["Lifecycle.Purposes.NotSaved", purpose.Title]);
            return;
        }

        saving = true;
        try
        {
            var outcome = await Retention.SetAsync(purpose.Key, value, officer!);
            var kept = value is int d ? T["Retention.Purposes.KeptFor", T.Plural("Retention.Purposes.DaysValue", d)] : T["Retention.Purposes.UntilErased"];
            status = outcome switch
            {
                ValiditySaveOutcome.Saved => new StatusMessage(Severity.Success, T["Retention.Purposes.Saved", purpose.Title, kept]),
                ValiditySaveOutcome.Unchanged => new StatusMessage(Severity.Info, T["Retention.Purposes.Unchanged", purpose.Title, kept]),
                _ => new StatusMessage(Severity.Error, T[$"Lifecycle.Purposes.Outcome.{outcome}", purpose.Title]),
            };
        }
        finally
        {
            saving = false;
        }
    }

    private string Describe(string key, string title, int? value) =>
        T[key, title, value is int m ? T.Plural("Lifecycle.Purposes.MonthsValue", m) : T["Lifecycle.Purposes.NoExpiry"]];
}
