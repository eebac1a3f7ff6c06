using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Messaging.Links;

namespace PreferenceCenter.Tests.Features.Erasure;

public sealed class ErasureLinksTests
{
    private static readonly Guid Customer = Guid.Parse("0b8f5a43-7c6e-4f7d-9a44-2f0c3b1d9e01");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider provider = new();

    private LinkTokens LinkTokens => new(provider, clock);

    private ErasureLinks Links(int hours = 48) =>
        new(LinkTokens, Options.Create(new ErasureOptions { ConfirmationLinkHours = hours }));

    [Fact]
    public void Read_GivesBackTheIdsItWasIssuedFor()
    {
        var links = Links();

        Assert.Equal((42, Customer), links.Read(links.Issue(42, Customer)));
    }

    [Fact]
    public void Read_WorksUntilTheLinksLifetimeEnds_ThenNot()
    {
        var links = Links(hours: 2);
        var token = links.Issue(42, Customer);

        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.NotNull(links.Read(token));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(links.Read(token));
    }

    [Fact]
    public void Read_RefusesATokenWithOneCharacterChanged()
    {
        var links = Links();
        var token = links.Issue(42, Customer);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.Null(links.Read(tampered));
    }

    [Fact]
    public void Read_RefusesATokenMadeForAnotherPurpose()
    {
        var other = provider.CreateProtector("PreferenceCenter.SomethingElse").ToTimeLimitedDataProtector()
            .Protect($"42:{Customer:N}", clock.GetUtcNow().AddHours(1));

        Assert.Null(Links().Read(other));
    }

    [Fact]
    public void Read_RefusesALinkTokenMadeForAnotherLinkPurpose()
    {
        var unsubscribe = LinkTokens.Create(LinkPurpose.Unsubscribe, Customer, "42", Channel.Email, TimeSpan.FromHours(1));

        Assert.Null(Links().Read(unsubscribe));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    public void Read_RefusesNonsense(string? token) => Assert.Null(Links().Read(token));
}
