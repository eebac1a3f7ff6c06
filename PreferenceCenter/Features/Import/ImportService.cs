using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// Checks import files (a dry run changes nothing) and queues clean ones for <see cref="ImportJob"/>; a file with any
/// error is refused whole, so nothing is half-imported. Reports where each import stands.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<AppDbContext> dbFactory, ImportPayloadSealer sealer, IOptions<ImportOptions> options, TimeProvider time)
{
    public async Task<ImportCheck> CheckAsync(byte[] file, CancellationToken cancellationToken = default) =>
        ImportCheck.Of(await ParseAsync(file, cancellationToken));

    public async Task<ImportStart> StartAsync(byte[] file, string? fileName, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(actor);
        var parse = await ParseAsync(file, cancellationToken);
        if (!parse.IsClean)
        {
            return new ImportStart(ImportCheck.Of(parse), null);
        }

        var id = Guid.NewGuid();
        // The page passes the browser's name for the file: a control character (NUL, which PostgreSQL's text
        // refuses) would fail the write, so it is recorded as U+FFFD; the API refuses such a name first.
        var name = string.IsNullOrWhiteSpace(fileName) ? "import.csv"
            : string.Concat(Path.GetFileName(fileName.Trim()).Select(c => char.IsControl(c) ? '\uFFFD' : c));
        var run = new ImportRun
        {
            Id = id, FileName = name.Length > ImportRun.FileNameMaxLength ? name[..ImportRun.FileNameMaxLength] : name,
            FileHash = Convert.ToHexStringLower(SHA256.HashData(file)), ActorKind = actor.Kind, ActorId = actor.Id,
            CreatedAt = time.GetUtcNowToMillisecond(), State = ImportRunState.Queued, Payload = sealer.Seal(id, file), TotalRows = parse.RowCount,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportStart(ImportCheck.Of(parse), ImportRunView.Of(run));
    }

    /// <summary>A file name the API accepts: none (the default name), or one with no control character (a longer one is cut to the column).</summary>
    public static bool IsPlainFileName(string? fileName) => fileName is null || !fileName.Any(char.IsControl);

    /// <summary>The run, or null when unknown or, given an <paramref name="owner"/>, not started by it.</summary>
    public async Task<ImportRunView?> GetAsync(Guid id, Actor? owner = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null || (owner is not null && (run.ActorKind != owner.Kind || run.ActorId != owner.Id)) ? null : ImportRunView.Of(run);
    }

    public async Task<IReadOnlyList<ImportRunView>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(count).ToListAsync(cancellationToken);
        return [.. runs.Select(ImportRunView.Of)];
    }

    private async Task<ImportParse> ParseAsync(byte[] file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalog = await ImportCatalog.LoadAsync(db, cancellationToken);
        return ImportFileReader.Read(file, catalog, time.GetUtcNow(), options.Value);
    }
}
