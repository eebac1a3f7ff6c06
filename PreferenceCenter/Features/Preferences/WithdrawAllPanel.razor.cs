using Microsoft.AspNetCore.Components;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Preferences;

public sealed partial class WithdrawAllPanel
{
    private bool confirming;
    private DateTimeOffset? undoUntil;

    [Parameter, EditorRequired] public Guid CustomerId { get; set; }

    /// <summary>Whether anything is on or waiting for confirmation: with nothing on there is nothing to withdraw.</summary>
    [Parameter] public bool AnyOn { get; set; }

    [Parameter] public bool Disabled { get; set; }

    /// <summary>The consent labels by (purpose key, channel), to name what an undo left alone.</summary>
    [Parameter, EditorRequired] public Func<string, Channel, string> Label { get; set; } = default!;

    [Parameter] public EventCallback<StatusMessage> Reported { get; set; }

    /// <summary>Raised after the consents changed, so the page re-reads them.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [CascadingParameter] private ReaderTimeZone? ReaderTimeZone { get; set; }

    // A reload within the window still offers the undo.
    protected override async Task OnInitializedAsync() => undoUntil = await Undo.UndoableUntilAsync(CustomerId);

    private void Ask() => confirming = true;

    private Task KeepAsync()
    {
        confirming = false;
        return Reported.InvokeAsync(new StatusMessage(Severity.Info, T["Preferences.WithdrawAll.Kept"]));
    }

    private async Task WithdrawAsync()
    {
        confirming = false;
        var count = await Consents.WithdrawAllAsync(CustomerId, Actor.Customer(CustomerId), ChangeSource.Web);
        undoUntil = await Undo.UndoableUntilAsync(CustomerId);
        await Changed.InvokeAsync();
        await Reported.InvokeAsync(new StatusMessage(Severity.Success, T.Plural("Preferences.WithdrawAll.Done", count)));
    }

    private async Task UndoAsync()
    {
        var result = await Undo.UndoAsync(CustomerId, Actor.Customer(CustomerId), ChangeSource.Web);
        undoUntil = null;
        await Changed.InvokeAsync();
        await Reported.InvokeAsync(result.Outcome switch
        {
            WithdrawAllUndoOutcome.Restored when result.LeftAlone.Count > 0 => new StatusMessage(Severity.Warning,
                $"{T.Plural("Preferences.WithdrawAll.Undone", result.Restored.Count)} {T["Preferences.WithdrawAll.LeftAlone", string.Join(", ", result.LeftAlone.Select(l => Label(l.PurposeKey, l.Channel)))]}"),
            WithdrawAllUndoOutcome.Restored => new StatusMessage(Severity.Success, T.Plural("Preferences.WithdrawAll.Undone", result.Restored.Count)),
            WithdrawAllUndoOutcome.TooLate => new StatusMessage(Severity.Info, T["Preferences.WithdrawAll.TooLate"]),
            WithdrawAllUndoOutcome.Conflict => new StatusMessage(Severity.Warning, T["Preferences.WithdrawAll.Conflict"]),
            _ => new StatusMessage(Severity.Info, T["Preferences.WithdrawAll.NothingToUndo"]),
        });
    }
}
