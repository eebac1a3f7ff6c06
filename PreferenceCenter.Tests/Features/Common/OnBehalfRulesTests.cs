using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Tests.Features.Common;

public sealed class OnBehalfRulesTests
{
    public static TheoryData<RequestChannel?, string?, OnBehalfProblem?> Requests => new()
    {
        { RequestChannel.Phone, "Asked to stop marketing texts", null },
        { RequestChannel.InPerson, new string('x', LedgerEntry.ReasonMaxLength), null },
        { null, "Asked to stop marketing texts", OnBehalfProblem.MissingChannel },
        { (RequestChannel)99, "Asked to stop marketing texts", OnBehalfProblem.UnknownChannel },
        { RequestChannel.Letter, null, OnBehalfProblem.MissingReason },
        { RequestChannel.Letter, "   ", OnBehalfProblem.MissingReason },
        { RequestChannel.Email, new string('x', LedgerEntry.ReasonMaxLength + 1), OnBehalfProblem.ReasonTooLong },
        { RequestChannel.Phone, "Asked to stop\0 marketing texts", OnBehalfProblem.ReasonHasControlCharacter },
        { RequestChannel.Phone, "Asked to stop \u001b[2Jmarketing", OnBehalfProblem.ReasonHasControlCharacter },
        { RequestChannel.Letter, "Letter of 20 Nov:\r\n\tstop marketing", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Check_NeedsAKnownChannelAndABoundedReason(RequestChannel? channel, string? reason, OnBehalfProblem? expected) =>
        Assert.Equal(expected, OnBehalfRules.Check(new OnBehalfRequest(channel, reason)));

    [Fact]
    public void ActorFor_RecordsTheAgentTheTrimmedReasonAndTheChannelsLedgerSpelling()
    {
        var actor = OnBehalfRules.ActorFor("agent-1", new OnBehalfRequest(RequestChannel.InPerson, "  Asked at the desk "));

        Assert.Equal(Actor.Staff("agent-1", "Asked at the desk", "in-person"), actor);
    }

    [Fact]
    public void RequestChannels_RoundTripThroughTheLedgerSpelling()
    {
        foreach (var channel in RequestChannels.All)
        {
            Assert.Equal(channel, RequestChannels.FromLedgerValue(channel.ToLedgerValue()));
        }

        Assert.Null(RequestChannels.FromLedgerValue("fax"));
        Assert.Null(RequestChannels.FromLedgerValue(null));
    }
}
