using System.Data.Common;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// An open pull: the cursor the sender stores for next time, whether this is the whole list (replace yours) or the
/// changes since the cursor sent (apply them), and the rows, read from one snapshot held until disposed.
/// </summary>
public sealed class SuppressionPull(SuppressionCursor next, bool isFullList, IAsyncEnumerable<SuppressionRow> rows, DbTransaction snapshot) : IAsyncDisposable
{
    public SuppressionCursor Next { get; } = next;
    public bool IsFullList { get; } = isFullList;
    public IAsyncEnumerable<SuppressionRow> Rows { get; } = rows;

    public ValueTask DisposeAsync() => snapshot.DisposeAsync();
}
