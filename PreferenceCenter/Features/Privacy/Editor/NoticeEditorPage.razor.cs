using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy.Readability;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>
/// The officer writes the next notice beside the one in force. The meters are recomputed from the draft on every
/// render, so they follow the typing; <see cref="NoticeDraftService"/> checks everything again when saving or publishing.
/// </summary>
public sealed partial class NoticeEditorPage
{
    private NoticeWorkspace? workspace;
    private CatalogDocument draft = default!;
    private int revision;
    private bool loaded;
    private bool busy;
    private bool conflict;
    private string previewLanguage = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var ui && SupportedCultures.IsSupported(ui) ? ui : SupportedCultures.Default;
    private readonly HashSet<string> materialChanges = [];
    private string? note;
    private string? overrideReason;
    private StatusMessage? status;
    private Actor? officer;

    [Inject] private NoticeDraftService Drafts { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    // Until the circuit is connected, typing and clicks would reach only the pre-rendered page and be lost.
    private bool Locked => busy || !RendererInfo.IsInteractive;

    private int NextNumber => workspace!.PublishedNumber + 1;

    private IReadOnlyList<FirstLayerVerdict> Verdicts => FirstLayer.Judge(draft);

    private string DraftState => workspace!.SavedAt is { } at
        ? T["Notice.DraftSavedAt", revision, TimeFormat.Date(at, CultureInfo.CurrentUICulture)]
        : T["Notice.NoDraftYet"];

    protected override async Task OnInitializedAsync()
    {
        officer = Actor.Staff((await AuthenticationState).User.GetUserId());
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        workspace = await Drafts.OpenAsync();
        draft = workspace?.Draft ?? default!;
        revision = workspace?.Revision ?? 0;
        conflict = false;
        loaded = true;
    }

    private void Edit(string? purposeKey, string language, NoticeField field, string? value) =>
        draft = CatalogEdits.Set(draft, purposeKey, language, field, value ?? string.Empty);

    private void ToggleMaterial(string purposeKey, bool on)
    {
        if (on)
        {
            materialChanges.Add(purposeKey);
        }
        else
        {
            materialChanges.Remove(purposeKey);
        }
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        status = null;
    }

    private async Task SaveAsync()
    {
        busy = true;
        try
        {
            var result = await Drafts.SaveAsync(draft, workspace!.PublishedNumber, revision, officer!);
            conflict = result.Outcome == NoticeSaveOutcome.Conflict;
            if (result.Outcome == NoticeSaveOutcome.Saved)
            {
                revision = result.Revision;
                workspace = workspace with { Revision = revision, SavedAt = Time.GetUtcNow() };
            }

            status = result.Outcome switch
            {
                NoticeSaveOutcome.Saved => new StatusMessage(Severity.Success, T["Notice.Saved", revision]),
                NoticeSaveOutcome.Unchanged => new StatusMessage(Severity.Info, T["Notice.Unchanged"]),
                NoticeSaveOutcome.Conflict => new StatusMessage(Severity.Error, T["Notice.Conflict"]),
                NoticeSaveOutcome.Invalid => new StatusMessage(Severity.Error, T["Notice.Invalid", string.Join(" ", result.Problems)]),
                NoticeSaveOutcome.NothingPublished => new StatusMessage(Severity.Error, T["Notice.NothingPublished"]),
                _ => new StatusMessage(Severity.Error, T["Notice.NotAllowed"]),
            };
        }
        finally
        {
            busy = false;
        }
    }

    private async Task PublishAsync()
    {
        busy = true;
        try
        {
            var result = await Drafts.PublishAsync(
                new NoticePublishRequest(draft, workspace!.PublishedNumber, revision, materialChanges.ToHashSet(), note, overrideReason), officer!);
            conflict = result.Outcome == NoticePublishOutcome.Conflict;
            if (result.Outcome == NoticePublishOutcome.Published)
            {
                await LoadAsync();
                materialChanges.Clear();
                note = overrideReason = null;
            }

            status = result.Outcome switch
            {
                NoticePublishOutcome.Published => new StatusMessage(Severity.Success, T["Notice.Publish.Done", result.Number!]),
                NoticePublishOutcome.NoteRequired => new StatusMessage(Severity.Error, T["Notice.Publish.NoteRequired"]),
                NoticePublishOutcome.TooLong => new StatusMessage(Severity.Error, T["Notice.Publish.TooLong", NoticeDraft.NoteMaxLength]),
                NoticePublishOutcome.ReadabilityFails => new StatusMessage(Severity.Error, T["Notice.Publish.ReadabilityFails",
                    string.Join(", ", result.Verdicts.Where(v => !v.Passes).Select(v => SupportedCultures.NativeName(v.Language)))]),
                NoticePublishOutcome.Conflict => new StatusMessage(Severity.Error, T["Notice.Conflict"]),
                NoticePublishOutcome.Invalid => new StatusMessage(Severity.Error, T["Notice.Publish.Invalid", string.Join(" ", result.Problems)]),
                NoticePublishOutcome.NothingPublished => new StatusMessage(Severity.Error, T["Notice.NothingPublished"]),
                _ => new StatusMessage(Severity.Error, T["Notice.NotAllowed"]),
            };
        }
        finally
        {
            busy = false;
        }
    }

    private string TitleOf(CatalogDocument.PurposeEntry purpose) =>
        (purpose.Texts.GetValueOrDefault(previewLanguage) ?? purpose.Texts.GetValueOrDefault(SupportedCultures.Default))?.Title ?? purpose.Key;

    private string Fixed(CatalogDocument.PurposeEntry purpose) => T["Notice.Fixed",
        T["Privacy.LegalBasis"], T[$"LegalBasis.{purpose.LegalBasis}"], T["Privacy.WhoReceives"], purpose.Recipient ?? T["Privacy.OnlyUs"]];
}
