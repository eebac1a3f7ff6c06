using System.Globalization;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Insights;

/// <summary>A table's headings and cells as text in the reader's language: one place, so the page and the CSV say the same.</summary>
public sealed class InsightText(IStringLocalizer<SharedResource> text)
{
    private const string Separator = " · ";

    public string Label(InsightLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        string?[] parts = [label.Literal, label.Key is null ? null : text[label.Key].Value, label.Channel is { } channel ? text[$"Channel.{channel}"].Value : null];
        return string.Join(Separator, parts.Where(p => p is not null));
    }

    /// <summary>"1,234", "45.2 %", or for a hidden cell "fewer than 10" (a count) or "hidden" (a rate, whose part or rest is small).</summary>
    public string Value(InsightValue value, int minimum) => value switch
    {
        { Hidden: true, Percent: false } => text["Insights.FewerThan", minimum],
        { Hidden: true } => text["Insights.RateHidden", minimum],
        { Percent: true } => string.Format(CultureInfo.CurrentCulture, "{0:0.0} %", value.Number),
        _ => ((int)value.Number!.Value).ToString("N0", CultureInfo.CurrentCulture),
    };

    public string Title(InsightChart chart) => text[$"Insights.{chart}.Title"];
}
