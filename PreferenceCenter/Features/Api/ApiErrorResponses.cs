using Microsoft.OpenApi;

namespace PreferenceCenter.Features.Api;

/// <summary>
/// The answers every operation may give before its own code runs — no or a bad key, a missing scope, the client's
/// limit — written into the OpenAPI document, so a client generated from it expects them.
/// </summary>
public static class ApiErrorResponses
{
    private static readonly Dictionary<string, string> Common = new()
    {
        ["401"] = "No API key, or a key that is malformed, unknown, revoked or past its grace period.",
        ["403"] = "The key lacks the scope this operation needs.",
        ["429"] = "The client's requests-per-minute limit is reached; Retry-After says when to try again.",
    };

    public static void Document(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value))
        {
            operation.Responses ??= [];
            foreach (var (status, description) in Common)
            {
                operation.Responses.TryAdd(status, new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
                });
            }
        }
    }
}
