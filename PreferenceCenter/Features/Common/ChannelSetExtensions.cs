namespace PreferenceCenter.Features.Common;

public static class ChannelSetExtensions
{
    public static readonly IReadOnlyList<Channel> AllChannels = Enum.GetValues<Channel>();

    public static bool Contains(this ChannelSet set, Channel channel) =>
        Enum.IsDefined(channel) && ((int)set & (1 << (int)channel)) != 0;

    public static ChannelSet Of(params Channel[] channels) =>
        channels.Aggregate(ChannelSet.None, (set, c) => set | (ChannelSet)(1 << (int)c));
}
