using PreferenceCenter.Features.Messaging.Sending;

namespace PreferenceCenter.Tests.Features.Messaging.Sending;

public sealed class OutboxBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 300)]
    [InlineData(400, 300)]
    public void Backoff_DoublesFromTheBase_UpToTheCap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), OutboxBackoff.Delay(attempts, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)));
}
