namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary>
/// A message ready to go: the words are already in the reader's language. <see cref="UnsubscribeLink"/> marks
/// marketing-type mail: the dispatcher then adds <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> (RFC 8058).
/// </summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string HtmlBody)
{
    public Uri? UnsubscribeLink { get; init; }

    /// <summary>Whose mail this is, so erasing the customer also drops what is still waiting to go to them.</summary>
    public Guid? CustomerId { get; init; }
}
