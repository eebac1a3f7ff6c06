using Microsoft.Extensions.Options;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The background job: once at start-up (to finish anything a stopped process left executing), then every
/// <see cref="ErasureOptions.RunEvery"/> on the injected clock.
/// </summary>
public sealed partial class ErasureJob(ErasureRunner runner, TimeProvider time, IOptions<ErasureOptions> options, ILogger<ErasureJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RunEvery, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var completed = await runner.RunDueAsync(stoppingToken);
            if (completed > 0)
            {
                LogCompleted(completed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One failed run must not stop the job: the request stays approved or executing and the next run retries it.
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure job completed {Count} request(s).")]
    private partial void LogCompleted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasure job run failed; it will try again on the next run.")]
    private partial void LogFailed(Exception exception);
}
