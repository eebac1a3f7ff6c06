using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Tests.Features.Erasure;

public sealed class ErasureConfirmationTokensTests
{
    private static readonly Guid Customer = Guid.Parse("0b8f5a43-7c6e-4f7d-9a44-2f0c3b1d9e01");

    // Data Protection also checks a token's expiry on the system clock, so this clock starts at the real time.
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    private readonly EphemeralDataProtectionProvider provider = new();

    private ErasureConfirmationTokens Tokens(int hours = 48) =>
        new(provider, Options.Create(new ErasureOptions { ConfirmationLinkHours = hours }), clock);

    [Fact]
    public void Read_GivesBackTheIdsItWasIssuedFor()
    {
        var tokens = Tokens();

        Assert.Equal(new ErasureToken(42, Customer), tokens.Read(tokens.Issue(42, Customer)));
    }

    [Fact]
    public void Read_WorksUntilTheLinksLifetimeEnds_ThenNot()
    {
        var tokens = Tokens(hours: 2);
        var token = tokens.Issue(42, Customer);

        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.NotNull(tokens.Read(token));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tokens.Read(token));
    }

    [Fact]
    public void Read_RefusesATokenWithOneCharacterChanged()
    {
        var tokens = Tokens();
        var token = tokens.Issue(42, Customer);
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.Null(tokens.Read(tampered));
    }

    [Fact]
    public void Read_RefusesATokenMadeForAnotherPurpose()
    {
        var other = provider.CreateProtector("PreferenceCenter.SomethingElse").ToTimeLimitedDataProtector()
            .Protect($"42:{Customer:N}", clock.GetUtcNow().AddHours(1));

        Assert.Null(Tokens().Read(other));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    public void Read_RefusesNonsense(string? token) => Assert.Null(Tokens().Read(token));
}
