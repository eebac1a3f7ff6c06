using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Tests.Features.Preferences.ContactRules;

public sealed class ActivePauseTests
{
    private static readonly DateTimeOffset Soon = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Soon.AddDays(30);

    private static ContactRuleView Rule(Channel channel, DateTimeOffset? until) => new(channel, ContactFrequency.AsItHappens, until);

    [Fact]
    public void From_GroupsChannelsThatEndTogether_SoonestFirst()
    {
        var pauses = ActivePause.From([Rule(Channel.Post, Later), Rule(Channel.Email, Soon), Rule(Channel.Sms, null), Rule(Channel.Phone, Later)]);

        Assert.Equal(2, pauses.Count);
        Assert.Equal([Channel.Email], pauses[0].Channels);
        Assert.Equal(Soon, pauses[0].Until);
        Assert.Equal([Channel.Phone, Channel.Post], pauses[1].Channels);
        Assert.False(pauses[1].CoversEveryChannel);
    }

    [Fact]
    public void From_EveryChannelWithOneEnd_IsOnePauseThatCoversEveryChannel()
    {
        var pause = Assert.Single(ActivePause.From(ChannelSetExtensions.AllChannels.Select(c => Rule(c, Soon))));

        Assert.True(pause.CoversEveryChannel);
    }

    [Fact]
    public void From_NothingPaused_IsNoPause() =>
        Assert.Empty(ActivePause.From(ChannelSetExtensions.AllChannels.Select(c => Rule(c, null))));
}
