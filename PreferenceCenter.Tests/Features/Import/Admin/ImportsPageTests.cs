using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Import;
using PreferenceCenter.Features.Import.Admin;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;
using static PreferenceCenter.Tests.Features.Import.ImportFileReaderTests;

namespace PreferenceCenter.Tests.Features.Import.Admin;

/// <summary>The officer's imports page: a dry run lists problems by line and writes nothing; a clean file is queued with a progress bar.</summary>
public sealed class ImportsPageTests : PageTestBase
{
    public ImportsPageTests()
    {
        Services.AddSingleton(Options.Create(new ImportOptions()));
        Services.AddSingleton(new ImportPayloadSealer(TestKeys.Keys));
        Services.AddSingleton<ImportService>();
    }

    private IRenderedComponent<ImportsPage> RenderPage()
    {
        var cut = Render<ImportsPage>();
        cut.WaitForElement("#import-file");
        return cut;
    }

    [Fact]
    public async Task ADryRun_ListsEachProblemWithItsLine_AndQueuesNothing()
    {
        await SignInOfficerAsync();
        var cut = RenderPage();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(
            ImportFixture.File(Row(), Row(channel: "pigeon")), "bad.csv", contentType: "text/csv"));
        await ClickButtonAsync(cut, "Check file (dry run)");

        cut.WaitForAssertion(() => Assert.Equal("1 problems in 2 rows; nothing was changed.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.StartsWith("3channel", cut.Find("table.import-errors tbody tr").TextContent, StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.Empty(db.ImportRuns);
    }

    [Fact]
    public async Task ACleanFile_IsQueued_AndShownWithItsProgressBar()
    {
        await SignInOfficerAsync();
        var cut = RenderPage();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(ImportFixture.File(Row()), "good.csv", contentType: "text/csv"));
        await ClickButtonAsync(cut, "Import");

        cut.WaitForAssertion(() => Assert.Equal("The import has started; its progress is shown below.", cut.Find("[role=status]").TextContent.Trim()));
        // The list of runs is read again after the status is set: on PostgreSQL that read truly awaits.
        cut.WaitForAssertion(() => Assert.Contains("good.csv · waiting", cut.Find("article.import-run h3").TextContent, StringComparison.Ordinal));
        Assert.NotNull(cut.Find("article.import-run .mud-progress-linear"));
        await using var db = Database.CreateDbContext();
        Assert.Equal("officer-user-id", Assert.Single(db.ImportRuns).ActorId);
    }
}
