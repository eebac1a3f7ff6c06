namespace PreferenceCenter.Features.Privacy;

/// <summary>
/// <c>dotnet run --project PreferenceCenter -- import-catalog path/to/catalog.json</c>: publishes the file as the next
/// notice version. Exit 0 with the version number, or 1 listing every problem (nothing is written then).
/// </summary>
public static class ImportCatalogCommand
{
    public const string Name = "import-catalog";

    public static bool IsRequested(string[] args) =>
        args.Any(a => a.TrimStart('-').Equals(Name, StringComparison.OrdinalIgnoreCase));

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var at = Array.FindIndex(args, a => a.TrimStart('-').Equals(Name, StringComparison.OrdinalIgnoreCase));
        if (at + 1 >= args.Length || !File.Exists(args[at + 1]))
        {
            await output.WriteLineAsync($"Usage: {Name} <catalog.json> — {(at + 1 < args.Length ? $"there is no file '{args[at + 1]}'." : "name the catalog file to publish.")}");
            return 1;
        }

        try
        {
            await using var file = File.OpenRead(args[at + 1]);
            var catalog = await CatalogDocument.ParseAsync(file);
            var number = await services.GetRequiredService<CatalogPublisher>().PublishAsync(catalog);
            await output.WriteLineAsync(
                $"Published notice version {number}: {catalog.Purposes.Count} purposes in {catalog.Notice.Count} languages.");
            return 0;
        }
        catch (CatalogException error)
        {
            await output.WriteLineAsync("The catalog was not published. Fix these and run the command again:");
            foreach (var problem in error.Problems)
            {
                await output.WriteLineAsync("  - " + problem);
            }

            return 1;
        }
    }
}
