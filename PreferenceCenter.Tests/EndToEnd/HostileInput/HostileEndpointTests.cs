using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PreferenceCenter.Tests.Features.Api;
using PreferenceCenter.Tests.TestHost;
using Xunit.Abstractions;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>
/// The hostile-input harness for endpoints: every endpoint the app maps outside its pages (from its
/// <c>EndpointDataSource</c>): the public unsubscribe link, the language switch, sign-out, the data download, the
/// API and its documents. Hostile route values, form fields and JSON leaves, and bodies that are oversized, too
/// many, or of the wrong type: nothing answers 5xx, nothing is written, no injected markup comes back unescaped.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed partial class HostileEndpointTests(AppHost app, ITestOutputHelper output)
{
    /// <summary>Fields an endpoint reads from its form itself, beyond its [FromForm] parameters.</summary>
    private static readonly Dictionary<string, string[]> ReadByHand = new(StringComparer.Ordinal)
    {
        ["/u/{token}"] = ["List-Unsubscribe"],
    };

    /// <summary>A valid value per field, for requests where something else (a route value, the body's shape) is the hostile part.</summary>
    private static readonly Dictionary<string, string> ValidFields = new(StringComparer.Ordinal)
    {
        ["List-Unsubscribe"] = "One-Click", ["choice"] = "Pause", ["reason"] = "TooOften", ["culture"] = "en", ["returnUrl"] = "/", ["undo"] = "everything",
    };

    /// <summary>Endpoints whose valid requests write (with the hostile part where they ignore it), and the tables they may change.</summary>
    private static readonly Dictionary<string, string[]> LegitimateWrites = new(StringComparer.Ordinal)
    {
        // Every download of a customer's data is recorded in their ledger; an unknown query value changes nothing else.
        ["GET /my-data/download"] = ["app.LedgerEntries"],
    };

    [Fact]
    public async Task Every_endpoint_takes_hostile_values_and_bodies_without_a_500_a_write_or_markup()
    {
        await using var harness = await HostileHarness.StartAsync(app);
        var endpoints = AppSurface.Endpoints(app.Services).Where(e => !IsApi(e)).ToList();
        Assert.Contains(endpoints, e => e.Pattern == "/u/{token}");
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in harness.Roles.Keys)
        {
            tokens[role] = await AntiforgeryTokenAsync(harness, role);
        }

        foreach (var endpoint in endpoints)
        {
            var requests = new List<(string Role, string What, Func<HttpRequestMessage> Request)>();
            // Signing out is what a sign-out post does, whatever else it holds: only the anonymous may press it here.
            var roles = endpoint.Pattern.EndsWith("/Logout", StringComparison.Ordinal) ? ["anonymous"] : harness.Roles.Keys.ToArray();
            var fields = endpoint.FormFields.Concat(ReadByHand.GetValueOrDefault(endpoint.Pattern) ?? []).ToList();
            foreach (var role in roles)
            {
                var method = new HttpMethod(endpoint.Method);
                Dictionary<string, string> Form(Func<string, string> value) =>
                    fields.ToDictionary(f => f, value).Append(new(HtmlForm.AntiforgeryField, tokens[role])).ToDictionary();
                HttpRequestMessage Request(string path, HttpContent? body) => new(method, harness.Url(path)) { Content = method == HttpMethod.Get ? null : body };
                var sample = harness.FillRoute(endpoint.Pattern, endpoint.RouteValues);
                var label = $"{endpoint.Method} {endpoint.Pattern} as {role}";

                foreach (var (shown, encoded) in EncodedValues())
                {
                    // The value everywhere at once: an undeclared query value and every field (a valid link, so only the value can fail).
                    var decoded = Uri.UnescapeDataString(encoded);
                    requests.Add((role, $"{label}: ?(undeclared) and every field = {shown}", () => Request($"{sample}?{encoded}={encoded}", HostileBodies.Form(Form(_ => decoded)))));
                    foreach (var route in endpoint.RouteValues)
                    {
                        requests.Add((role, $"{label}: {{{route}}}={shown}",
                            () => Request(harness.FillRoute(endpoint.Pattern, endpoint.RouteValues, route, encoded), HostileBodies.Form(Form(f => ValidFields[f])))));
                    }
                }

                if (method == HttpMethod.Get)
                {
                    continue;
                }

                foreach (var (what, body) in HostileBodies.ForForm(Form(f => ValidFields[f])))
                {
                    requests.Add((role, $"{label}: {what}", () => Request(sample, body())));
                }
            }

            var before = await harness.FingerprintAsync();
            await harness.SendAllAsync(requests);
            var name = $"{endpoint.Method} {endpoint.Pattern}";
            harness.CheckNothingWritten(before, await harness.FingerprintAsync(), name, LegitimateWrites.GetValueOrDefault(name) ?? []);
        }
        harness.Report(output, $"{endpoints.Count} endpoints: {string.Join(", ", endpoints.Select(e => $"{e.Method} {e.Pattern}"))}");
    }

    [Fact]
    public async Task Every_api_operation_takes_hostile_json_keys_and_bodies_without_a_500_a_write_or_markup()
    {
        await using var harness = await HostileHarness.StartAsync(app);
        var operations = AppSurface.Endpoints(app.Services).Where(IsApi).ToList();
        Assert.Contains(operations, e => e.Pattern.StartsWith("/api/v1/decisions", StringComparison.Ordinal));

        var before = await harness.FingerprintAsync();
        var requests = new List<(string Role, string What, Func<HttpRequestMessage> Request)>();
        foreach (var operation in operations)
        {
            var method = new HttpMethod(operation.Method);
            var valid = ApiCall.All.FirstOrDefault(c => c.Method == method && Same(c.Path, operation.Pattern))?.Body(HostileHarness.UnknownReference);
            var validJson = valid is null ? "{}" : JsonSerializer.Serialize(valid);
            var sample = harness.FillRoute(operation.Pattern, operation.RouteValues);
            var label = $"{operation.Method} {operation.Pattern}";
            HttpRequestMessage Request(string path, HttpContent? body, string? authorization = "key")
            {
                var request = new HttpRequestMessage(method, harness.Url(path)) { Content = body };
                if (authorization is not null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", authorization == "key" ? $"Bearer {harness.ApiKey}" : authorization);
                }

                return request;
            }

            foreach (var (shown, encoded) in EncodedValues())
            {
                requests.Add(("anonymous", $"{label}: ?(undeclared)={shown}", () => Request($"{sample}?{encoded}={encoded}", Json(validJson))));
                foreach (var route in operation.RouteValues)
                {
                    requests.Add(("anonymous", $"{label}: {{{route}}}={shown}", () => Request(harness.FillRoute(operation.Pattern, operation.RouteValues, route, encoded), Json(validJson))));
                }
            }

            // A header carries ASCII only (the client refuses anything else before it leaves).
            foreach (var value in HostileValues.Text.Where(v => v.All(c => c is >= ' ' and <= '~')))
            {
                requests.Add(("anonymous", $"{label}: Authorization Bearer {HostileHarness.Show(value)}", () => Request(sample, Json(validJson), $"Bearer {value}")));
            }

            requests.Add(("anonymous", $"{label}: no key", () => Request(sample, Json(validJson), authorization: null)));
            requests.Add(("anonymous", $"{label}: Basic", () => Request(sample, Json(validJson), "Basic YWRtaW46YWRtaW4=")));
            if (method == HttpMethod.Get)
            {
                continue;
            }

            foreach (var (path, leaf) in Leaves(JsonNode.Parse(validJson)!))
            {
                foreach (var value in HostileValues.Text.Select(v => JsonValue.Create(v)!.ToJsonString()).Concat(["null", "[]", "{}", "true", "-1", "99999999999999999999999", "1.5e309"]))
                {
                    requests.Add(("anonymous", $"{label}: {path} = {HostileHarness.Show(value)}", () => Request(sample, Json(Replace(validJson, leaf, value)))));
                }
            }

            foreach (var (what, body) in HostileBodies.ForJson(validJson))
            {
                requests.Add(("anonymous", $"{label}: {what}", () => Request(sample, body())));
            }
        }

        await harness.SendAllAsync(requests);
        harness.CheckNothingWritten(before, await harness.FingerprintAsync(), "API");
        harness.Report(output, $"{operations.Count} API operations and documents");
    }

    private static bool IsApi(AppSurface.Endpoint endpoint) =>
        endpoint.Pattern.StartsWith("/api/", StringComparison.Ordinal) || endpoint.Pattern.StartsWith("/openapi", StringComparison.Ordinal)
        || endpoint.Pattern.StartsWith("/scalar", StringComparison.Ordinal);

    private static bool Same(string callPath, string pattern) => callPath.Trim('/') == pattern.Trim('/');

    private static async Task<string> AntiforgeryTokenAsync(HostileHarness harness, string role)
    {
        var html = await harness.Roles[role].GetStringAsync("Account/Login");
        return HtmlForm.Parse(html, "Account/Login").Select(f => f.Hidden.GetValueOrDefault(HtmlForm.AntiforgeryField)).First(t => t is not null)!;
    }

    private static IEnumerable<(string Shown, string Encoded)> EncodedValues() =>
        HostileValues.Text.Select(v => (HostileHarness.Show(v), HostileBodies.Escape(v))).Concat(HostileValues.RawEncoded.Select(v => (v, v)));

    private static StringContent Json(string json) => new(json, new MediaTypeHeaderValue("application/json"));

    /// <summary>Every leaf of a JSON document: its path for the message, and a marker to put a value in its place.</summary>
    private static IEnumerable<(string Path, string Marker)> Leaves(JsonNode node) =>
        node switch
        {
            JsonObject o => o.SelectMany(p => p.Value is null ? [] : Leaves(p.Value).Select(l => ($"{p.Key}.{l.Path}".TrimEnd('.'), l.Marker))),
            JsonArray a => a.SelectMany((item, i) => item is null ? [] : Leaves(item).Select(l => ($"[{i}].{l.Path}".TrimEnd('.'), l.Marker))),
            _ => [(string.Empty, node.GetPath())],
        };

    /// <summary>The document with the leaf at <paramref name="jsonPath"/> replaced by the raw JSON <paramref name="value"/>.</summary>
    private static string Replace(string json, string jsonPath, string value)
    {
        var root = JsonNode.Parse(json)!;
        var target = Find(root, jsonPath);
        var raw = JsonNode.Parse(value);
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = raw;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = raw;
                break;
        }

        return root.ToJsonString();
    }

    private static JsonNode Find(JsonNode root, string jsonPath)
    {
        var node = root;
        foreach (Match step in PathStep().Matches(jsonPath))
        {
            node = step.Groups["name"].Success ? node[step.Groups["name"].Value]! : node[int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return node;
    }

    [GeneratedRegex(@"\.(?<name>\w+)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();
}
