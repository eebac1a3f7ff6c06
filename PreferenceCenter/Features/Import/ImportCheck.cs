namespace PreferenceCenter.Features.Import;

/// <summary>A dry run's answer: how many rows, and every problem found (the first ones listed, all counted).</summary>
public sealed record ImportCheck(int Rows, int ErrorCount, IReadOnlyList<ImportError> Errors)
{
    public bool Clean => ErrorCount == 0;

    public static ImportCheck Of(ImportParse parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new(parse.RowCount, parse.ErrorCount, parse.Errors);
    }
}
