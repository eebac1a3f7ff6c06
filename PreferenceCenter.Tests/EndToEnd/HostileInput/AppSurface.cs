using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using RouteAttribute = Microsoft.AspNetCore.Components.RouteAttribute;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>
/// Everything a request can reach, found by reflection as the authorization table finds pages: every routable
/// component with the route and query values it reads, and every endpoint mapped outside the components.
/// </summary>
public static partial class AppSurface
{
    public sealed record Page(string Template, IReadOnlyList<string> RouteValues, IReadOnlyList<string> QueryValues);

    public sealed record Endpoint(string Pattern, string Method, IReadOnlyList<string> RouteValues, IReadOnlyList<string> FormFields, Type? JsonBody);

    public static IReadOnlyList<Page> Pages() =>
    [
        .. typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => (type, route.Template)))
            .Select(p => new Page(p.Template, RouteValueNames(p.Template), QueryNames(p.type))),
    ];

    /// <summary>The app's own endpoints, not its pages, static files or the circuit's hub: one row per method.</summary>
    public static IReadOnlyList<Endpoint> Endpoints(IServiceProvider services)
    {
        var all = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return
        [
            .. from endpoint in all
               where endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is null
               let handler = endpoint.Metadata.GetMetadata<MethodInfo>()
               where handler is not null
               let pattern = endpoint.RoutePattern.RawText ?? string.Empty
               where !pattern.StartsWith("/_", StringComparison.Ordinal) && !pattern.Contains("bench", StringComparison.Ordinal)
               from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]
               let parameters = handler.GetParameters()
               select new Endpoint(
                   pattern, method,
                   [.. endpoint.RoutePattern.Parameters.Select(p => p.Name)],
                   [.. parameters.Where(p => p.GetCustomAttribute<FromFormAttribute>() is not null).Select(p => p.GetCustomAttribute<FromFormAttribute>()!.Name ?? p.Name!)],
                   endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } body } accepts
                       && accepts.ContentTypes.Contains("application/json") ? body : null),
        ];
    }

    private static string[] RouteValueNames(string template) => [.. RouteParameter().Matches(template).Select(m => m.Groups["name"].Value)];

    private static string[] QueryNames(Type component) =>
    [
        .. component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (p, query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.query is not null)
            .Select(p => p.query!.Name ?? p.p.Name),
    ];

    [GeneratedRegex(@"\{(?<name>[^}:?*]+)")]
    private static partial Regex RouteParameter();
}
