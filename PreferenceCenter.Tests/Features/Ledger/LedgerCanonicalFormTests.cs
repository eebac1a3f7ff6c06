using System.Text;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class LedgerCanonicalFormTests
{
    private static LedgerEntry Sample(string? reason = null) => new()
    {
        Sequence = 7,
        OccurredAt = new DateTimeOffset(2026, 11, 23, 10, 14, 0, TimeSpan.Zero),
        EventType = LedgerEventType.ConsentGranted,
        ActorKind = ActorKind.Customer,
        ActorId = "3f2c8a44-5d0e-4c1b-9a57-2f4a6b1c9d10",
        SubjectId = Guid.Parse("3f2c8a44-5d0e-4c1b-9a57-2f4a6b1c9d10"),
        Source = ChangeSource.Web,
        Reason = reason,
        NoticeVersion = 1,
        PurposeKey = "marketing",
        Channel = Channel.Email,
        Before = "not-given",
        After = "granted",
        PreviousHash = LedgerCanonicalForm.Genesis,
    };

    [Fact]
    public void Serialize_WritesEveryFieldInAFixedOrder()
    {
        var json = Encoding.UTF8.GetString(LedgerCanonicalForm.Serialize(Sample()));

        Assert.Equal(
            """{"v":1,"seq":7,"at":1795428840000,"type":100,"actorKind":1,"actorId":"3f2c8a44-5d0e-4c1b-9a57-2f4a6b1c9d10","subject":"3f2c8a44-5d0e-4c1b-9a57-2f4a6b1c9d10","source":1,"requestChannel":null,"reason":null,"notice":1,"purpose":"marketing","channel":1,"before":"not-given","after":"granted","detail":null,"prev":"0000000000000000000000000000000000000000000000000000000000000000"}""",
            json);
    }

    [Fact]
    public void ComputeHash_IsTheSameForTheSameEntryAndDiffersWhenAnyFieldDiffers()
    {
        Assert.Equal(LedgerCanonicalForm.ComputeHash(Sample()), LedgerCanonicalForm.ComputeHash(Sample()));
        Assert.NotEqual(LedgerCanonicalForm.ComputeHash(Sample()), LedgerCanonicalForm.ComputeHash(Sample(reason: "")));
        Assert.Matches("^[0-9a-f]{64}$", LedgerCanonicalForm.ComputeHash(Sample()));
    }
}
