using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;

namespace PreferenceCenter.Tests.Features.Messaging.Links;

public sealed class LinkTokensTests
{
    private static readonly Guid Customer = Guid.Parse("5b0c43a9-7f1e-4d8c-9a51-2f8b6c1d0e77");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly LinkTokens tokens;

    public LinkTokensTests() => tokens = new LinkTokens(new EphemeralDataProtectionProvider(), clock);

    [Fact]
    public void TryRead_ReturnsWhatCreateWasGiven()
    {
        var token = tokens.Create(LinkPurpose.Unsubscribe, Customer, "sharing-northwind", Channel.Sms, TimeSpan.FromDays(7));

        var read = tokens.TryRead(token, LinkPurpose.Unsubscribe);

        Assert.Equal(new LinkToken(LinkPurpose.Unsubscribe, Customer, "sharing-northwind", Channel.Sms, clock.GetUtcNow().AddDays(7), clock.GetUtcNow()), read.Token);
        Assert.DoesNotContain("/", token, StringComparison.Ordinal); // safe in a URL path as it is
    }

    [Fact]
    public void TryRead_AtTheExpiryMillisecond_IsExpired_AndOneBeforeIsNot()
    {
        var token = tokens.Create(LinkPurpose.ConfirmOptIn, Customer, "marketing", Channel.Email, TimeSpan.FromDays(7));

        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMilliseconds(1));
        Assert.True(tokens.TryRead(token, LinkPurpose.ConfirmOptIn).Succeeded);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(LinkTokenFailure.Expired, tokens.TryRead(token, LinkPurpose.ConfirmOptIn).Failure);
    }

    [Fact]
    public void TryRead_ForAnotherPurpose_IsWrongPurpose()
    {
        var token = tokens.Create(LinkPurpose.Renew, Customer, "marketing", Channel.Email, TimeSpan.FromDays(7));

        Assert.Equal(LinkTokenFailure.WrongPurpose, tokens.TryRead(token, LinkPurpose.Unsubscribe).Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("%%%")]
    public void TryRead_Garbage_IsTampered(string? token) =>
        Assert.Equal(LinkTokenFailure.Tampered, tokens.TryRead(token, LinkPurpose.Unsubscribe).Failure);

    [Fact]
    public void TryRead_WithAnyCharacterChanged_IsTampered()
    {
        var token = tokens.Create(LinkPurpose.Unsubscribe, Customer, "marketing", Channel.Email, TimeSpan.FromDays(7));

        for (var i = 0; i < token.Length; i += 7)
        {
            var changed = token[..i] + (token[i] == 'x' ? 'y' : 'x') + token[(i + 1)..];
            Assert.Equal(LinkTokenFailure.Tampered, tokens.TryRead(changed, LinkPurpose.Unsubscribe).Failure);
        }
    }

    [Fact]
    public void TryRead_ATokenFromAnotherKeyRing_IsTampered()
    {
        var foreign = new LinkTokens(new EphemeralDataProtectionProvider(), clock)
            .Create(LinkPurpose.Unsubscribe, Customer, "marketing", Channel.Email, TimeSpan.FromDays(7));

        Assert.Equal(LinkTokenFailure.Tampered, tokens.TryRead(foreign, LinkPurpose.Unsubscribe).Failure);
    }
}
