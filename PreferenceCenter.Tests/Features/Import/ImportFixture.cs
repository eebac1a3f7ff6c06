using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Import;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Infrastructure.Jobs;
using PreferenceCenter.Tests.Features.Api;

namespace PreferenceCenter.Tests.Features.Import;

/// <summary>
/// The real app for import runs driven by hand: the test holds the import lease, so the app's own job never runs an
/// import behind its back, and runs chunks of two rows so a few rows make several chunks.
/// </summary>
public sealed class ImportFixture : IAsyncLifetime
{
    public const string Holder = "import-tests";
    public static readonly Actor Officer = Actor.Staff("import-officer");

    public ApiAppFixture App { get; } = new();

    public ImportService Imports => App.Services.GetRequiredService<ImportService>();

    public ImportRunner Runner(int chunkSize = 2) => new(
        App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), App.Services.GetRequiredService<ImportChunkWriter>(),
        App.Services.GetRequiredService<ImportPayloadSealer>(), App.Services.GetRequiredService<LedgerWriter>(),
        Options.Create(new ImportOptions { ChunkSize = chunkSize }), App.Services.GetRequiredService<TimeProvider>());

    public async Task InitializeAsync()
    {
        _ = App.BaseAddress;
        // The app's own import job runs a first (empty) batch as it starts, holding the lease for that moment: on a busy
        // machine the fixture could ask just then and be refused. Ask again until the job has let go (it always does).
        var lease = App.Services.GetRequiredService<DatabaseLease>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await lease.TryAcquireAsync(ImportJob.LeaseName, Holder, TimeSpan.FromHours(1)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The app's import job kept its lease for 30 s.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(string.Join('\n', [ImportFileReaderTests.Header, .. rows]) + "\n");

    /// <summary>Queues the file (it must be clean) and returns its run id.</summary>
    public async Task<Guid> QueueAsync(byte[] file)
    {
        var start = await Imports.StartAsync(file, "test.csv", Officer);
        Assert.True(start.Check.Clean, string.Join("; ", start.Check.Errors));
        return start.Run!.Id;
    }

    public async Task<ImportRunView> RunAsync(byte[] file)
    {
        var id = await QueueAsync(file);
        Assert.Equal(ImportRunState.Completed, await Runner().RunAsync(id));
        return (await Imports.GetAsync(id))!;
    }

    public Task<Guid?> CustomerOfAsync(string email) => App.Services.GetRequiredService<CustomerLookup>().FindByEmailAsync(email);
}
