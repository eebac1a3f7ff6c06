using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>
/// Creates or edits a question. The page binds the service's <see cref="QuestionForm"/> directly and leaves every rule
/// to <see cref="QuestionAdminService.SaveAsync"/>: a refused save keeps what was typed and shows each problem by its field.
/// </summary>
public sealed partial class QuestionEditPage
{
    private QuestionForm? form;
    private IReadOnlyList<PurposeSummary> purposes = [];
    private IReadOnlyList<QuestionProblem> problems = [];
    private ElementReference summary;
    private bool loaded;
    private bool saving;
    private bool focusSummary;
    private int? loadedId;
    private Actor? officer;

    [Inject] private QuestionAdminService Admin { get; set; } = default!;
    [Inject] private PrivacyNoticeService Notices { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The question to edit; none for a new one.</summary>
    [Parameter] public int? Id { get; set; }

    private string Heading => !loaded || form is not null
        ? (Id is null ? T["Admin.Question.NewTitle"] : T["Admin.Question.EditTitle"])
        : T["Admin.Question.NotFoundTitle"];

    // Until the circuit is connected, typing and clicks would reach only the pre-rendered page and be lost.
    private bool Locked => saving || !RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync()
    {
        officer = Actor.Staff((await AuthenticationState).User.GetUserId());
        purposes = (await Notices.GetCurrentAsync(CultureInfo.CurrentUICulture))?.Purposes ?? [];
    }

    protected override async Task OnParametersSetAsync()
    {
        // The same page serves "new" and every id: load again only when the address names another question.
        if (loaded && loadedId == Id)
        {
            return;
        }

        loaded = false;
        problems = [];
        form = Id is int id ? await Admin.GetFormAsync(id) : NewForm();
        loadedId = Id;
        loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusSummary)
        {
            focusSummary = false;
            await summary.FocusAsync();
        }
    }

    private static QuestionForm NewForm()
    {
        // A choice question needs at least two options: offer the empty slots rather than make the officer add them.
        var form = new QuestionForm();
        for (var i = 0; i < QuestionRules.MinOptions; i++)
        {
            form.AddOption();
        }

        return form;
    }

    private string? ProblemOf(string field) => T.DescribeField(problems, field);

    private string? DescribedBy(string field, string? hintId = null)
    {
        var ids = new[] { hintId, problems.Any(p => p.Field == field) ? QuestionFieldIds.Problem(field) : null }.OfType<string>().ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    // Option problems are named by position: once options move, the old names point at the wrong option.
    private void OnOptionsChanged() => problems = [.. problems.Where(p => !QuestionFields.TryParseOption(p.Field, out _, out _))];

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            var result = await Admin.SaveAsync(form!, officer!);
            if (result.Saved)
            {
                Navigation.NavigateTo($"admin/questions?saved={result.Id}");
                return;
            }

            problems = result.Problems;
            focusSummary = true;
        }
        finally
        {
            saving = false;
        }
    }
}
