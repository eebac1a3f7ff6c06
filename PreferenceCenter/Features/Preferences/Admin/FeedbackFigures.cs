using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.Feedback;

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>
/// The feedback page's figures as they may be shown: the same small-cell rule as the officer's charts
/// (<see cref="SmallCells"/>), so this page cannot single out a customer the charts protect. A figure under the
/// minimum is null (hidden); the "too often" channels split one whole, so they are one group; comments appear only
/// when the period holds at least the minimum.
/// </summary>
public sealed record FeedbackFigures(
    int? Total, int? TooOften, int? NotRelevant, int? WithComment,
    IReadOnlyDictionary<Channel, int?> TooOftenByChannel, int? TooOftenWithoutChannel, bool CommentsShown)
{
    public static FeedbackFigures From(FeedbackSummary summary, SmallCells cells)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(cells);
        var channels = ChannelSetExtensions.AllChannels.ToList();
        var split = channels.Select(c => summary.TooOftenByChannel.GetValueOrDefault(c)).ToList();
        split.Add(summary.TooOften - summary.TooOftenByChannel.Values.Sum());
        var shown = cells.Group(split);
        return new FeedbackFigures(
            One(summary.Total, cells), One(summary.TooOften, cells), One(summary.NotRelevant, cells), One(summary.WithComment, cells),
            channels.Select((channel, i) => (channel, shown[i])).ToDictionary(x => x.channel, x => x.Item2),
            shown[^1],
            cells.Enough(summary.WithComment) && summary.RecentComments.Count > 0);
    }

    private static int? One(int count, SmallCells cells) => cells.Group([count])[0];
}
