namespace PreferenceCenter.Features.Import;

/// <summary>
/// A file as read: its good rows, and its errors (a fatal one — an encoding, a line too long, a broken header or
/// quote — stops reading, and the rows are then empty). <see cref="ErrorCount"/> counts every error, listed or not.
/// </summary>
public sealed record ImportParse(IReadOnlyList<ImportRow> Rows, int RowCount, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool IsClean => ErrorCount == 0;
}
