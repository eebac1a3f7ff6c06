using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Gpc;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Preferences;

/// <summary>
/// The live part of /preferences: shows the matrix and turns each flipped switch into one recorded change, reporting
/// exactly what happened, with the sections below it.
/// </summary>
public sealed partial class PreferencesPanel
{
    private CurrentNotice? notice;
    private Dictionary<(string PurposeKey, Channel Channel), ConsentCell>? cells;
    private IReadOnlyDictionary<Channel, ContactRuleView>? rules;

    // Bumped on every consent change, so the review banner re-reads what is left to review.
    private int consentsVersion;
    private StatusMessage? status;
    private bool loaded;
    private bool saving;
    private Guid customerId;

    // An open erasure request: withdrawals work as ever, and a grant says it will be erased too.
    private ErasureRequestView? openErasure;

    // The browser's Global Privacy Control, honoured before this page rendered (GlobalPrivacyControlMiddleware).
    private GlobalPrivacyControlStatus? privacySignal;

    // The phone and address on file (masked): a channel with nowhere to send asks for its detail before it turns on.
    private HeldContactDetails held = HeldContactDetails.None;
    private ConsentToggle? awaitingDetail;
    private ContactDetail askedDetail;
    private string? detailError;
    private int matrixRedraw;

    // Opened from an emailed link, not with a password: until when, and that the export and forget-me ask for one.
    private DateTimeOffset? linkSessionEnds;

    [Inject] private ConsentService Consents { get; set; } = default!;
    [Inject] private PrivacyNoticeService Notices { get; set; } = default!;
    [Inject] private ContactRulesService ContactRules { get; set; } = default!;
    [Inject] private ErasureRequestReader Erasure { get; set; } = default!;
    [Inject] private GlobalPrivacyControlService PrivacySignals { get; set; } = default!;
    [Inject] private CustomerProfileService Profiles { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The reader's IANA time zone from their cookie: a plain string, because an island's parameters cross into the circuit.</summary>
    [Parameter] public string? TimeZone { get; set; }

    private ReaderTimeZone readerTimeZone = ReaderTimeZone.Unknown;

    private bool AnyOn => cells?.Values.Any(c => c.IsOn || c.AwaitingConfirmation) == true;

    // Until the circuit is connected a flip would change only the pre-rendered page and be lost: no switch works then.
    private bool Locked => saving || NotLive;

    private bool NotLive => !RendererInfo.IsInteractive;

    protected override void OnParametersSet() => readerTimeZone = ReaderTimeZone.From(TimeZone);

    // A reader's first page arrives before their browser could send the cookie: ask the live circuit instead.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && !readerTimeZone.IsKnown
            && await ReaderTimeZone.FromBrowserAsync(JS) is { IsKnown: true } zone)
        {
            readerTimeZone = zone;
            StateHasChanged();
        }
    }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        customerId = user.GetCustomerId() ?? throw new InvalidOperationException("The customer policy guarantees a customer id claim.");
        linkSessionEnds = user.EmailLinkSessionEnds();
        notice = await Notices.GetCurrentAsync(CultureInfo.CurrentUICulture);
        cells = new(await Consents.GetCellsAsync(customerId));
        rules = await ContactRules.GetAsync(customerId);
        openErasure = await Erasure.GetOpenAsync(customerId);
        privacySignal = await PrivacySignals.GetAsync(customerId);
        held = await Profiles.GetHeldDetailsAsync(customerId);
        loaded = true;
    }

    /// <summary>The sections below the matrix say what they did here, in the page's one live region.</summary>
    private void Report(StatusMessage message) => status = message;

    // The feedback offer can lower a frequency or pause: the contact section and the pause banner show the new rules.
    private void OnRulesChanged(IReadOnlyDictionary<Channel, ContactRuleView> changed) => rules = changed;

    private async Task OnToggleAsync(ConsentToggle toggle)
    {
        if (toggle.TurnOn && held.MissingFor(toggle.Channel) is { } missing)
        {
            AskFor(toggle, missing);
            matrixRedraw++;
            return;
        }

        saving = true;
        try
        {
            var result = await Consents.SetAsync(new ConsentChange(
                customerId, toggle.PurposeKey, toggle.Channel, toggle.TurnOn, toggle.SeenVersion, Actor.Customer(customerId), ChangeSource.Web));
            if (result.Current is not null)
            {
                cells![(toggle.PurposeKey, toggle.Channel)] = result.Current;
            }

            if (result.Current is not { } now || now.IsOn != toggle.TurnOn)
            {
                matrixRedraw++;
            }

            status = Describe(toggle, result);
            if (result.Outcome == ConsentChangeOutcome.Saved && ErasureRules.GrantNeedsExplanation(toggle.TurnOn, openErasure))
            {
                status = status with { Text = status.Text + " " + T["Erasure.Preferences.GrantNote"] };
            }

            if (result.Outcome == ConsentChangeOutcome.Saved && toggle.TurnOn && privacySignal is { Stands: true })
            {
                // A partner turned on over the signal: the grant recorded the override if this was a partner purpose.
                privacySignal = await PrivacySignals.GetAsync(customerId);
                if (privacySignal is { Stands: false })
                {
                    status = status with { Text = status.Text + " " + T["Gpc.OverrideNote"] };
                }
            }
            consentsVersion++;
        }
        finally
        {
            saving = false;
        }
    }

    private void AskFor(ConsentToggle toggle, ContactDetail missing)
    {
        if (missing == ContactDetail.App)
        {
            // Nothing to type here: the app registers itself once the customer signs in to it.
            status = new StatusMessage(Severity.Warning, T["ContactDetails.StaysOff.App", LabelOf(toggle)]);
            return;
        }

        (awaitingDetail, askedDetail, detailError) = (toggle, missing, null);
    }

    private async Task SubmitDetailAsync(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            detailError = T[$"ContactDetails.Problem.{(askedDetail == ContactDetail.Phone ? ProfileChangeOutcome.PhoneNotInternational : ProfileChangeOutcome.PostalAddressInvalid)}"];
            return;
        }

        saving = true;
        ProfileChangeOutcome outcome;
        try
        {
            outcome = await Profiles.SetContactDetailAsync(customerId, askedDetail, value, Actor.Customer(customerId), ChangeSource.Web);
        }
        finally
        {
            saving = false;
        }

        if (outcome is not (ProfileChangeOutcome.Saved or ProfileChangeOutcome.Unchanged))
        {
            detailError = T[$"ContactDetails.Problem.{outcome}"];
            return;
        }

        held = await Profiles.GetHeldDetailsAsync(customerId);
        var toggle = awaitingDetail!;
        awaitingDetail = null;
        await OnToggleAsync(toggle);
    }

    private void CancelDetail()
    {
        status = new StatusMessage(Severity.Info, T[$"ContactDetails.StaysOff.{askedDetail}", LabelOf(awaitingDetail!)]);
        awaitingDetail = null;
    }

    private string LabelOf(ConsentToggle toggle) =>
        T.ConsentLabel(notice!.Purposes.First(p => p.Key == toggle.PurposeKey).Title, toggle.Channel);

    private async Task ReloadAsync()
    {
        cells = new(await Consents.GetCellsAsync(customerId));
        consentsVersion++;
    }

    private string LabelOf(string purposeKey, Channel channel) =>
        T.ConsentLabel(notice?.Purposes.FirstOrDefault(p => p.Key == purposeKey)?.Title ?? purposeKey, channel);

    private StatusMessage Describe(ConsentToggle toggle, ConsentChangeResult result)
    {
        var label = LabelOf(toggle);
        return result.Outcome switch
        {
            ConsentChangeOutcome.Unchanged => new StatusMessage(Severity.Info, T[
                result.Current!.IsOn ? "Preferences.Unchanged.On" : "Preferences.Unchanged.Off", label]),
            ConsentChangeOutcome.Saved when result.Current!.AwaitingConfirmation => new StatusMessage(Severity.Info, T["Lifecycle.Saved.Pending", label]),
            ConsentChangeOutcome.Saved => new StatusMessage(Severity.Success, T[
                result.Current!.IsOn ? "Preferences.Saved.On" : "Preferences.Saved.Off",
                label, TimeFormat.DateAndTime(result.Current.ChangedAt!.Value, CultureInfo.CurrentUICulture, readerTimeZone)]),
            ConsentChangeOutcome.Conflict => new StatusMessage(Severity.Warning, T[
                result.Current!.IsOn ? "Preferences.Conflict.On" : "Preferences.Conflict.Off", label]),
            _ => new StatusMessage(Severity.Error, T[$"ConsentProblem.{result.Problem}"]),
        };
    }
}
