using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Turns axe violations into an assertion message someone can fix from: rule, impact, nodes.</summary>
public static class AxeReport
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public static AxeRunOptions WcagOptions() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
    };

    /// <summary>The violations with impact "serious" or "critical".</summary>
    public static IReadOnlyList<AxeResultItem> Blocking(AxeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Violations.Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))];
    }

    public static string Describe(string page, IEnumerable<AxeResultItem> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Serious or critical accessibility violations on {page}:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    text.AppendLine().Append("      ").Append(message.ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }
}
