namespace PreferenceCenter.Tests.Features.Webhooks;

/// <summary>One request the test receiver read in full, and whether its signature checked out by the test's own HMAC.</summary>
public sealed record ReceivedWebhook(string Id, long Timestamp, string Signature, string Body, bool Verified, int Attempt)
{
    /// <summary>The <c>data.sequence</c> of the body: the ledger position, for order checks.</summary>
    public long Sequence => System.Text.Json.JsonDocument.Parse(Body).RootElement.GetProperty("data").GetProperty("sequence").GetInt64();

    public string Customer => System.Text.Json.JsonDocument.Parse(Body).RootElement.GetProperty("data").GetProperty("customer").GetString()!;
}
