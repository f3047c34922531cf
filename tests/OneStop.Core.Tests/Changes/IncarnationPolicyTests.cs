using OneStop.Core.Changes;

namespace OneStop.Core.Tests.Changes;

public sealed class IncarnationPolicyTests
{
    [Fact]
    public void AfterHello_HubAckAboveHead_ReincarnatesAndRelogsAfterOwnAck()
    {
        // Backup taken at head 10 (ack 10 recorded); the hub had acknowledged 30 before the restore.
        var decision = IncarnationPolicy.AfterHello(hubAcked: 30, localHead: 13, recordedAcked: 10);

        Assert.True(decision.StartsNewIncarnation);
        Assert.Equal(IncarnationReason.Regressed, decision.Reason);
        Assert.Equal(10, decision.RelogAfter);
    }

    [Fact]
    public void AfterHello_HubAckEqualsHead_ContinuesAfterTheAck()
    {
        var decision = IncarnationPolicy.AfterHello(hubAcked: 30, localHead: 30, recordedAcked: 30);

        Assert.False(decision.StartsNewIncarnation);
        Assert.Equal(30, decision.PushAfter);
    }

    [Fact]
    public void AfterHello_HubAckAboveOwnRecordedAck_PushesFromOwnAckSoTheHubComparesDigests()
    {
        // A clone that filed as much as the original: same head, but the hub acked entries this box never pushed.
        var decision = IncarnationPolicy.AfterHello(hubAcked: 10, localHead: 10, recordedAcked: 5);

        Assert.False(decision.StartsNewIncarnation);
        Assert.Equal(5, decision.PushAfter);
    }

    [Fact]
    public void AfterHello_HubAckBelowOwnRecordedAck_PushesFromTheHubsAck()
    {
        // The hub lost entries it once acknowledged (restored hub): they are sent again.
        var decision = IncarnationPolicy.AfterHello(hubAcked: 4, localHead: 12, recordedAcked: 9);

        Assert.False(decision.StartsNewIncarnation);
        Assert.Equal(4, decision.PushAfter);
    }

    [Fact]
    public void AfterHello_FreshIncarnationUnknownToHub_PushesWholeLog()
    {
        // The salvage contract: a new incarnation id, ack keys deleted, the hub acknowledges 0.
        var decision = IncarnationPolicy.AfterHello(hubAcked: 0, localHead: 40, recordedAcked: 0);

        Assert.False(decision.StartsNewIncarnation);
        Assert.Equal(0, decision.PushAfter);
    }

    [Fact]
    public void AfterHello_RecordedAckAboveHead_RelogsNothingThatIsNotThere()
    {
        var decision = IncarnationPolicy.AfterHello(hubAcked: 9, localHead: 3, recordedAcked: 7);

        Assert.True(decision.StartsNewIncarnation);
        Assert.Equal(3, decision.RelogAfter);
    }

    [Fact]
    public void AfterClash_RelogsEverythingAfterOwnAck()
    {
        var decision = IncarnationPolicy.AfterClash(localHead: 10, recordedAcked: 5);

        Assert.True(decision.StartsNewIncarnation);
        Assert.Equal(IncarnationReason.Clash, decision.Reason);
        Assert.Equal(5, decision.RelogAfter);
    }

    [Theory]
    [InlineData(null, true, null, "m1", StartDecision.NewStore)]
    [InlineData(null, false, null, "m1", StartDecision.Bind)]
    [InlineData(null, false, "m1", "m1", StartDecision.Keep)]
    [InlineData("i1", false, "m1", "m1", StartDecision.Keep)]
    [InlineData("i1", false, "m1", "m2", StartDecision.Moved)]
    [InlineData("", false, "m1", "m2", StartDecision.Moved)]
    [InlineData("i1", false, "m1", null, StartDecision.Keep)]
    [InlineData("i1", true, null, "m1", StartDecision.Bind)]
    public void AtStart_Cases_Decided(string? incarnation, bool logEmpty, string? bound, string? current, StartDecision expected) =>
        Assert.Equal(expected, IncarnationPolicy.AtStart(incarnation, logEmpty, bound, current));
}
