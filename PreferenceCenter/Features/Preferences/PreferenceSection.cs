using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Preferences;

/// <summary>
/// What every customer-side section of /preferences shares: whose preferences they are, whether the controls work
/// yet, and the page's single live region, where each section reports what its change did.
/// </summary>
public abstract class PreferenceSection : ComponentBase
{
    private Task previous = Task.CompletedTask;

    [Parameter, EditorRequired]
    public Guid CustomerId { get; set; }

    /// <summary>True until the circuit is live: a change made on the prerendered page would be lost.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>Where this section says what a change did: the page's single polite live region.</summary>
    [Parameter]
    public EventCallback<StatusMessage> Reported { get; set; }

    [Inject]
    protected IStringLocalizer<SharedResource> T { get; set; } = default!;

    [CascadingParameter]
    protected ReaderTimeZone? ReaderTimeZone { get; set; }

    protected Actor Customer => Actor.Customer(CustomerId);

    protected TimeZoneInfo ReaderZone => (ReaderTimeZone ?? ReaderTimeZone.Unknown).Zone;

    protected string When(DateTimeOffset at) => TimeFormat.DateAndTime(at, CultureInfo.CurrentUICulture, ReaderTimeZone);

    protected Task ReportAsync(Severity severity, string text) => Reported.InvokeAsync(new StatusMessage(severity, text));

    /// <summary>
    /// Runs a change after the ones already on their way, so quick successive changes apply in the order made. The
    /// controls stay enabled meanwhile: disabling the focused one would drop a keyboard user's focus to the page top.
    /// </summary>
    protected Task InTurnAsync(Func<Task> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        previous = AfterAsync(previous, change);
        return previous;
    }

    // The earlier change reported its own failure to its own caller; this one runs regardless.
    private static async Task AfterAsync(Task earlier, Func<Task> change)
    {
        await earlier.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        await change();
    }
}
