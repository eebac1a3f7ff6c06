namespace PreferenceCenter.Features.Messaging.Limits;

/// <summary>
/// How many account mails went to one address in one clock hour. The address is kept only as its blind-index hash,
/// and a row lives two hours at most.
/// </summary>
public sealed class AccountMailCount
{
    public required string AddressHash { get; init; }

    /// <summary>Whole hours since the Unix epoch, UTC.</summary>
    public long Hour { get; init; }

    public int Count { get; set; }
}
