using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Support;

namespace PreferenceCenter.Tests.Features.Support;

public sealed class OnBehalfRulesTests
{
    public static TheoryData<RequestChannel?, string?, SupportProblem?> Requests => new()
    {
        { RequestChannel.Phone, "Asked to stop marketing texts", null },
        { RequestChannel.InPerson, new string('x', LedgerEntry.ReasonMaxLength), null },
        { null, "Asked to stop marketing texts", SupportProblem.MissingChannel },
        { (RequestChannel)99, "Asked to stop marketing texts", SupportProblem.UnknownChannel },
        { RequestChannel.Letter, null, SupportProblem.MissingReason },
        { RequestChannel.Letter, "   ", SupportProblem.MissingReason },
        { RequestChannel.Email, new string('x', LedgerEntry.ReasonMaxLength + 1), SupportProblem.ReasonTooLong },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Check_NeedsAKnownChannelAndABoundedReason(RequestChannel? channel, string? reason, SupportProblem? expected) =>
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
