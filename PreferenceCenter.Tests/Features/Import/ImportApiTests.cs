using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Import;
using PreferenceCenter.Tests.Features.Api;
using static PreferenceCenter.Tests.Features.Import.ImportFileReaderTests;

namespace PreferenceCenter.Tests.Features.Import;

/// <summary><c>/api/v1/imports</c> over real HTTP: scope, dry run, a real run the app's job carries out, the size limit.</summary>
public sealed class ImportApiTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private static ByteArrayContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Fact]
    public async Task ADryRun_ReportsEachBadRow_AndChangesNothing()
    {
        var key = await app.KeyAsync(ApiScopes.ConsentsImport);
        var before = await app.LedgerCountAsync();

        using var response = await app.Http(key).PostAsync("api/v1/imports?dryRun=true",
            Csv(ImportFixture.File(Row(email: $"dry-{Guid.NewGuid():N}@example.com"), Row(captured: "yesterday"), Row(purpose: "newsletter"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = await ApiAppFixture.JsonAsync<ImportCheck>(response);
        Assert.Equal((3, 2), (check.Rows, check.ErrorCount));
        Assert.Equal([(3, "captured_at"), (4, "purpose")], check.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(before, await app.LedgerCountAsync());
    }

    [Fact]
    public async Task ARealRun_IsAccepted_AndTheJobCompletesIt()
    {
        var key = await app.KeyAsync(ApiScopes.ConsentsImport);
        var email = $"real-{Guid.NewGuid():N}@example.com";

        using var response = await app.Http(key).PostAsync("api/v1/imports?fileName=shop.csv", Csv(ImportFixture.File(Row(email: email))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await ApiAppFixture.JsonAsync<ImportRunView>(response);
        Assert.Equal($"/api/v1/imports/{run.Id}", response.Headers.Location?.ToString());
        ImportRunView? polled = null;
        for (var i = 0; i < 100 && polled?.State != "completed"; i++)
        {
            await Task.Delay(100);
            polled = await app.Http(key).GetFromJsonAsync<ImportRunView>($"api/v1/imports/{run.Id}");
        }

        Assert.Equal(("completed", 1, 1, "shop.csv"), (polled!.State, polled.Written, polled.CustomersCreated, polled.FileName));
        // Another client cannot see it.
        var other = await app.KeyAsync(ApiScopes.ConsentsImport);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http(other).GetAsync($"api/v1/imports/{run.Id}")).StatusCode);
    }

    /// <summary>A NUL in the name would fail the write on PostgreSQL (its text refuses it): a 400 on both stores, nothing queued.</summary>
    [Theory]
    [InlineData("a%00b.csv")]
    [InlineData("shop%0D%0A.csv")]
    public async Task AFileNameWithControlCharacters_Answers400_AndQueuesNothing(string fileName)
    {
        var key = await app.KeyAsync(ApiScopes.ConsentsImport);
        var file = ImportFixture.File(Row(email: $"named-{Guid.NewGuid():N}@example.com"));

        using var response = await app.Http(key).PostAsync($"api/v1/imports?fileName={fileName}", Csv(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("without control characters such as NUL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        Assert.Equal(0, await app.ReadAsync(db => Task.FromResult(db.ImportRuns.Count(r => r.FileHash == hash))));
    }

    [Fact]
    public async Task ARealRunOfABadFile_Answers422WithTheReport_AndQueuesNothing()
    {
        var key = await app.KeyAsync(ApiScopes.ConsentsImport);
        var before = await app.LedgerCountAsync();

        using var response = await app.Http(key).PostAsync("api/v1/imports", Csv(ImportFixture.File(Row(), Row(channel: "pigeon"))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(3, Assert.Single((await ApiAppFixture.JsonAsync<ImportCheck>(response)).Errors).Line);
        Assert.Equal(0, await app.ReadAsync(db => Task.FromResult(db.ImportRuns.Count(r => r.TotalRows == 2 && r.FileName == "import.csv"))));
        Assert.Equal(before, await app.LedgerCountAsync());
    }

    [Fact]
    public async Task AFileOverTheLimit_Answers413()
    {
        var key = await app.KeyAsync(ApiScopes.ConsentsImport);
        var huge = new byte[new ImportOptions().MaxFileBytes + 1];
        Array.Fill(huge, (byte)'a');

        using var response = await app.Http(key).PostAsync("api/v1/imports?dryRun=true", Csv(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStatus_NeedsAKeyWithTheImportScope()
    {
        var path = $"api/v1/imports/{Guid.NewGuid()}";

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Http(await app.KeyAsync(ApiScopes.ConsentsWrite)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http(await app.KeyAsync(ApiScopes.ConsentsImport)).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task NotCsv_Answers415()
    {
        var key = await app.KeyAsync(ApiScopes.ConsentsImport);

        using var response = await app.Http(key).PostAsync("api/v1/imports?dryRun=true", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
