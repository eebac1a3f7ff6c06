namespace PreferenceCenter.Features.History;

/// <summary>Who reads a history line: the customer ("You turned off…") or our staff ("The customer turned off…").</summary>
public enum HistoryReader
{
    Customer,
    Staff,
}
