using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Import.Admin;

/// <summary>
/// The officer's imports: choose a CSV file, check it (a dry run lists each problem by line and changes nothing), then
/// import it; runs show their progress, refreshed every second while one is under way. The work is <see cref="ImportService"/>'s.
/// </summary>
public sealed partial class ImportsPage
{
    private IReadOnlyList<ImportRunView> runs = [];
    private IBrowserFile? file;
    private ImportCheck? check;
    private StatusMessage? status;
    private bool working;
    private Timer? refresh;

    [Inject] private ImportService Imports { get; set; } = default!;
    [Inject] private IOptions<ImportOptions> Options { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> T { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool Locked => working || !RendererInfo.IsInteractive;

    protected override async Task OnInitializedAsync() => await LoadRunsAsync();

    private void Choose(InputFileChangeEventArgs e) => (file, check, status) = (e.File, null, null);

    private Task DryRunAsync() => WithFileAsync(async bytes =>
    {
        check = await Imports.CheckAsync(bytes);
        status = Report(check);
    });

    private Task StartAsync() => WithFileAsync(async bytes =>
    {
        var officer = (await AuthenticationState).User.GetUserId();
        var start = await Imports.StartAsync(bytes, file!.Name, Actor.Staff(officer));
        check = start.Check;
        status = start.Run is null ? Report(check) : new StatusMessage(Severity.Success, T["Import.Queued"]);
        await LoadRunsAsync();
    });

    private async Task WithFileAsync(Func<byte[], Task> use)
    {
        if (file is null)
        {
            status = new StatusMessage(Severity.Warning, T["Import.NoFile"]);
            return;
        }

        var max = Options.Value.MaxFileBytes;
        if (file.Size > max)
        {
            status = new StatusMessage(Severity.Error, T["Import.TooLarge", max]);
            return;
        }

        working = true;
        try
        {
            await using var stream = file.OpenReadStream(max);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            await use(buffer.ToArray());
        }
        finally
        {
            working = false;
        }
    }

    private StatusMessage Report(ImportCheck result) => result.Clean
        ? new StatusMessage(Severity.Success, T["Import.Clean", result.Rows])
        : new StatusMessage(Severity.Error, T["Import.Problems", result.ErrorCount, result.Rows]);

    private async Task LoadRunsAsync()
    {
        runs = await Imports.RecentAsync(10);
        if (runs.Any(r => r.State != "completed"))
        {
            refresh ??= new Timer(_ => InvokeAsync(async () =>
            {
                await LoadRunsAsync();
                StateHasChanged();
            }), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
        else
        {
            refresh?.Dispose();
            refresh = null;
        }
    }

    public void Dispose() => refresh?.Dispose();
}
