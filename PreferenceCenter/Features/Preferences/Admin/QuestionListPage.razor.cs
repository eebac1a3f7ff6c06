using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>
/// The officer's list of questions: order, retire, ask again. Every action reloads the list, so what the officer sees
/// afterwards is what is stored, including what others changed meanwhile.
/// </summary>
public sealed partial class QuestionListPage
{
    private IReadOnlyList<QuestionSummary>? questions;
    private IReadOnlyDictionary<string, string> purposeTitles = new Dictionary<string, string>();
    private StatusMessage? status;
    private bool busy;
    private Actor? officer;

    [Inject] private QuestionAdminService Admin { get; set; } = default!;
    [Inject] private PrivacyNoticeService Notices { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The question the edit form just saved, to confirm it here.</summary>
    /// <remarks>Text, parsed here: the framework's own conversion answers a hand-edited "?saved=x" with a 500.</remarks>
    [SupplyParameterFromQuery(Name = "saved")] private string? Saved { get; set; }

    private int? SavedId => int.TryParse(Saved, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    // Until the circuit is connected a click would reach only the pre-rendered page and be lost.
    private bool Locked => busy || !RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        officer = Actor.Staff((await AuthenticationState).User.GetUserId());
        var notice = await Notices.GetCurrentAsync(CultureInfo.CurrentUICulture);
        purposeTitles = notice?.Purposes.ToDictionary(p => p.Key, p => p.Title) ?? new Dictionary<string, string>();
        await LoadAsync();
        if (questions!.FirstOrDefault(q => q.Id == SavedId) is { } saved)
        {
            status = new StatusMessage(Severity.Success, T["Admin.Questions.Saved", saved.Prompt]);
        }
    }

    private string PurposeTitle(string key) => purposeTitles.GetValueOrDefault(key) ?? key;

    private bool IsFirstAsked(QuestionSummary question) => questions!.FirstOrDefault(q => !q.IsRetired) == question;

    private bool IsLastAsked(QuestionSummary question) => questions!.LastOrDefault(q => !q.IsRetired) == question;

    private Task MoveAsync(QuestionSummary question, bool up) => RunAsync(
        question, () => Admin.MoveAsync(question.Id, up, officer!, question.Version),
        up ? T["Admin.Questions.MovedUp", question.Prompt] : T["Admin.Questions.MovedDown", question.Prompt]);

    private Task RetireAsync(QuestionSummary question) => RunAsync(
        question, () => Admin.RetireAsync(question.Id, question.Version, officer!), T["Admin.Questions.Retired", question.Prompt]);

    private Task ReinstateAsync(QuestionSummary question) => RunAsync(
        question, () => Admin.ReinstateAsync(question.Id, question.Version, officer!), T["Admin.Questions.Reinstated", question.Prompt]);

    private async Task RunAsync(QuestionSummary question, Func<Task<QuestionSaveResult>> action, string done)
    {
        busy = true;
        try
        {
            var result = await action();
            await LoadAsync();
            status = result.Saved ? new StatusMessage(Severity.Success, done)
                : result.Problems.Any(p => p.Code == QuestionProblemCode.ChangedElsewhere)
                    ? new StatusMessage(Severity.Warning, T["Admin.Questions.ChangedElsewhere", question.Prompt])
                    : new StatusMessage(Severity.Warning, T["Admin.Questions.Gone", question.Prompt]);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task LoadAsync() => questions = await Admin.ListAsync(CultureInfo.CurrentUICulture);
}
