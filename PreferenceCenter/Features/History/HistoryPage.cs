namespace PreferenceCenter.Features.History;

public sealed record HistoryPage(IReadOnlyList<HistoryItem> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}
