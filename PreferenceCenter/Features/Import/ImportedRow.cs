namespace PreferenceCenter.Features.Import;

/// <summary>
/// A row some import has written, by key (<see cref="ImportRowKey"/>): the same row in a later file is skipped, so
/// importing a file twice writes nothing new. The key is a hash over the row with the address's blind index, never the address.
/// </summary>
public sealed class ImportedRow
{
    public const int KeyLength = 64;

    public required string Key { get; init; }
    public Guid ImportRunId { get; init; }
    public int Line { get; init; }
}
