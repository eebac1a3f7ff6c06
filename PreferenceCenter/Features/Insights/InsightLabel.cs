using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Insights;

/// <summary>
/// A row or column heading, put together where the reader's language is known (<see cref="InsightText"/>): a literal
/// (an ISO week, a purpose's title from the notice), a text key, a channel, or several of them joined by " · ".
/// </summary>
public sealed record InsightLabel(string? Literal = null, string? Key = null, Channel? Channel = null)
{
    public static InsightLabel Text(string key) => new(Key: key);
}
