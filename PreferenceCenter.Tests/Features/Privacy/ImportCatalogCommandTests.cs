using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Features.Privacy;

public sealed class ImportCatalogCommandTests
{
    [Theory]
    [InlineData(new[] { "import-catalog" }, "Usage: import-catalog <catalog.json> — name the catalog file to publish.")]
    [InlineData(new[] { "import-catalog", "/nowhere/catalog.json" }, "Usage: import-catalog <catalog.json> — there is no file '/nowhere/catalog.json'.")]
    public async Task Run_WithoutAReadableFile_ExitsOneWithUsage(string[] args, string expected)
    {
        using var output = new StringWriter();

        var exitCode = await ImportCatalogCommand.RunAsync(args, new NoServicesNeeded(), output);

        Assert.Equal((1, expected), (exitCode, output.ToString().Trim()));
    }

    private sealed class NoServicesNeeded : IServiceProvider
    {
        public object? GetService(Type serviceType) => throw new InvalidOperationException("No service is needed before the file is read.");
    }
}
