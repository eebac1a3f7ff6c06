using PreferenceCenter.Features.Webhooks;

namespace PreferenceCenter.Tests.Features.Webhooks;

public sealed class WebhookSignatureTests
{
    // The example every Standard Webhooks library tests against (libraries/*/…Test: verifyWebhookSignWorks).
    [Fact]
    public void Sign_MatchesTheSpecificationsPublishedExample()
    {
        var signature = WebhookSignature.Sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
            DateTimeOffset.FromUnixTimeSeconds(1614265330), "{\"test\": 2432232314}");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void NewSecret_IsWhsecAndThirtyTwoRandomBytes()
    {
        var one = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", one, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(one["whsec_".Length..]).Length);
        Assert.NotEqual(one, WebhookSignature.NewSecret());
    }
}
