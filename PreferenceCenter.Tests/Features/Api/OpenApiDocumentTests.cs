using System.Net;
using System.Text.Json;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.Features.Api;

/// <summary>
/// The published document is the contract: every operation in it is called here, and what the running API answers
/// (its status, and the top-level fields of its body) is what the document says it answers.
/// </summary>
public sealed class OpenApiDocumentTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    public static TheoryData<string> Endpoints() => [.. ApiCall.All.Select(c => c.Name)];

    [Fact]
    public async Task TheDocument_HasExactlyTheOperationsTheTestsCall()
    {
        var document = await DocumentAsync();

        var documented = Operations(document).Select(o => $"{o.Method} {o.Path}").Order();
        var called = ApiCall.All.Select(c => $"{c.Method.Method.ToLowerInvariant()} /{c.Path}".TrimEnd('/')).Concat(ApiCall.CalledElsewhere).Order();

        Assert.Equal(called, documented.Select(o => o.TrimEnd('/')));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task ARightCall_AnswersAsDocumented(string endpoint)
    {
        var call = ApiCall.All.Single(c => c.Name == endpoint);
        var customer = await app.CustomerAsync(("marketing", Channel.Sms), ("profiling", Channel.Email));
        var key = await app.KeyAsync([.. ApiScopes.All]);
        var document = await DocumentAsync();

        using var response = await app.Http(key).SendAsync(call.Request(customer.Reference));

        var operation = Operation(document, call);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(operation.GetProperty("responses").TryGetProperty(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), out var documented),
            $"{endpoint} answered {(int)response.StatusCode}, which its operation does not document.");
        AssertShape(document, documented, response.Content.Headers.ContentType?.MediaType, body, endpoint);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task ACallWithoutAKey_AnswersADocumented401(string endpoint)
    {
        var call = ApiCall.All.Single(c => c.Name == endpoint);
        var document = await DocumentAsync();

        using var response = await app.Http().SendAsync(call.Request("PC-AAAAAA"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(Operation(document, call).GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task TheReferencePage_IsServed()
    {
        using var response = await app.Http().GetAsync("scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await app.Http().GetAsync("openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(op => op.Name is "get" or "post" or "put" or "delete" or "patch")
            .Select(op => (op.Name, path.Name, op.Value)));

    private static JsonElement Operation(JsonElement document, ApiCall call) =>
        Operations(document).Single(o => string.Equals(o.Method, call.Method.Method, StringComparison.OrdinalIgnoreCase)
            && o.Path.TrimEnd('/') == ("/" + call.Path).TrimEnd('/')).Operation;

    // The body's media type is one the operation documents, and its top-level fields are the schema's properties: none
    // missing that it requires, none it does not name. A stream (NDJSON) is held to its row schema line by line.
    private static void AssertShape(JsonElement document, JsonElement response, string? mediaType, string body, string endpoint)
    {
        if (!response.TryGetProperty("content", out var content))
        {
            return;
        }

        Assert.True(mediaType is not null && content.TryGetProperty(mediaType, out _), $"{endpoint} answered {mediaType}, which its operation does not document.");
        var schema = Resolve(document, content.GetProperty(mediaType!).GetProperty("schema"));
        if (mediaType == "application/x-ndjson")
        {
            var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                AssertFields(schema, line, endpoint);
            }
        }
        else if (mediaType == "application/json")
        {
            AssertFields(schema, body, endpoint);
        }
    }

    private static void AssertFields(JsonElement schema, string json, string endpoint)
    {
        var fields = JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.True(fields.IsSubsetOf(properties), $"{endpoint}: fields {string.Join(", ", fields.Except(properties))} are not in the document.");
        if (schema.TryGetProperty("required", out var required))
        {
            var missing = required.EnumerateArray().Select(r => r.GetString()!).Where(r => !fields.Contains(r)).ToList();
            Assert.True(missing.Count == 0, $"{endpoint}: required fields {string.Join(", ", missing)} are missing.");
        }

        Assert.NotEmpty(fields);
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
