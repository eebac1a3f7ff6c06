namespace PreferenceCenter.Features.Messaging.Links;

public static class LinkTokenFailureExtensions
{
    /// <summary>410 Gone for a link that was good but has expired; 400 for one that was never good here.</summary>
    public static int StatusCode(this LinkTokenFailure failure) =>
        failure == LinkTokenFailure.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
}
