using System.Globalization;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Insights;

namespace Microsoft.AspNetCore.Builder;

public static class InsightsEndpoints
{
    public const string CsvPath = "/admin/insights/{chart}.csv";

    /// <summary>GET /admin/insights/{chart}.csv?weeks=12: one chart's table, suppressed as on the page, for the privacy officer.</summary>
    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, async (string chart, string? weeks, InsightsService insights, InsightText text, CancellationToken cancellationToken) =>
        {
            if (InsightCharts.FromSlug(chart) is not { } known)
            {
                return Results.NotFound();
            }

            var report = await insights.ReadAsync(InsightWeeks.FromQuery(weeks), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
            var file = InsightsCsv.Write(report.Table(known), report.Minimum, text);
            return Results.File(file, "text/csv; charset=utf-8", InsightsCsv.FileName(known, report.Weeks.Now));
        }).RequireAuthorization(Policies.PrivacyOfficer);
        return endpoints;
    }
}
