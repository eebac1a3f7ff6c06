
namespace PreferenceCenter.Features.History;

/// <summary>One change on a receipt: the history entry and the hash that proves it stands in the ledger's chain.</summary>
public sealed record ReceiptLine(HistoryItem Item, string Hash)
{
    public long Sequence => Item.Sequence;

    public DateTimeOffset OccurredAt => Item.OccurredAt;
}
