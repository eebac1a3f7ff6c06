using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Support;

/// <summary>One customer for an agent: masked contact, consents, contact rules, answers, history; changes only while acting for them.</summary>
public sealed partial class SupportCustomerPage
{
    private SupportCustomerSummary? customer;
    private SupportCustomerDetails? details;
    private CurrentNotice? notice;
    private HistoryVocabulary vocabulary = HistoryVocabulary.Empty;
    private Dictionary<(string PurposeKey, Channel Channel), ConsentCell> cells = [];
    private OnBehalfRequest? request;
    private StatusMessage? status;
    private bool loaded;
    private bool saving;

    [Parameter] public string Reference { get; set; } = string.Empty;

    [Inject] private SupportConsoleService Console { get; set; } = default!;
    [Inject] private PrivacyNoticeService Notices { get; set; } = default!;
    [Inject] private AnswerService Answers { get; set; } = default!;
    // Links in emails come from App:PublicBaseUrl, never from the request's Host header, which the sender controls.
    [Inject] private PublicLinks Links { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool NotLive => !RendererInfo.IsInteractive;

    protected override async Task OnParametersSetAsync()
    {
        var staff = (await AuthenticationState).User;
        customer = await Console.GetCustomerAsync(staff, Reference);
        if (customer is not null)
        {
            details = await Console.GetDetailsAsync(staff, customer.Id, CultureInfo.CurrentUICulture);
            cells = new(details.Consents);
            notice = await Notices.GetCurrentAsync(CultureInfo.CurrentUICulture);
            vocabulary = HistoryVocabulary.For(notice, await Answers.GetPromptsAsync(CultureInfo.CurrentUICulture));
        }

        loaded = true;
    }

    private void StartActing(OnBehalfRequest started) => (request, status) = (started, null);

    private void StopActing() => request = null;

    private async Task OnToggleAsync(ConsentToggle toggle)
    {
        saving = true;
        try
        {
            var staff = (await AuthenticationState).User;
            var result = await Console.SetConsentAsync(staff, customer!.Id, request!, toggle, Links.To("history"));
            if (result.Change?.Current is { } current)
            {
                cells[(toggle.PurposeKey, toggle.Channel)] = current;
            }

            status = Describe(toggle, result);
            details = await Console.GetDetailsAsync(staff, customer.Id, CultureInfo.CurrentUICulture);
        }
        finally
        {
            saving = false;
        }
    }

    private async Task FileErasureAsync()
    {
        saving = true;
        try
        {
            var staff = (await AuthenticationState).User;
            var result = await Console.FileErasureAsync(staff, customer!.Id, request!, Links.To("forget-me/confirm"));
            status = result switch
            {
                { Problem: { } problem } => new StatusMessage(Severity.Error, T[$"Support.Problem.{problem}"]),
                { Filed: true } => new StatusMessage(Severity.Success, T["Support.Erasure.Filed", customer.Reference]),
                _ => new StatusMessage(Severity.Warning, T[$"Support.Erasure.Problem.{result.Erasure!.Problem}"]),
            };
            details = await Console.GetDetailsAsync(staff, customer.Id, CultureInfo.CurrentUICulture);
        }
        finally
        {
            saving = false;
        }
    }

    private StatusMessage Describe(ConsentToggle toggle, OnBehalfResult result)
    {
        var label = T.ConsentLabel(notice?.Purposes.FirstOrDefault(p => p.Key == toggle.PurposeKey)?.Title ?? toggle.PurposeKey, toggle.Channel);
        if (result.Problem is { } problem)
        {
            return new StatusMessage(Severity.Error, T[$"Support.Problem.{problem}"]);
        }

        var change = result.Change!;
        return change.Outcome switch
        {
            ConsentChangeOutcome.Saved or ConsentChangeOutcome.Unchanged => new StatusMessage(
                Severity.Success, T[change.Current!.IsOn ? "Support.Saved.On" : "Support.Saved.Off", label, customer!.Reference]),
            ConsentChangeOutcome.Conflict => new StatusMessage(Severity.Warning, T["Support.Conflict", label]),
            _ => new StatusMessage(Severity.Error, change.Message ?? string.Empty),
        };
    }
}
