using OneStop.Core.Fleet;

namespace OneStop.Core.Tests.Fleet;

public sealed class NodeHealthTests
{
    private const long Now = 1_780_000_000_000;
    private const long Hour = 60 * 60 * 1000;

    private static NodeHealthInput Healthy(long lastSeenMs) => new(lastSeenMs, 1_500, null, 0, null, 0);

    [Theory]
    [InlineData(0, NodeHealthState.Ok)]
    [InlineData(23, NodeHealthState.Ok)]
    [InlineData(25, NodeHealthState.Late)]
    [InlineData(71, NodeHealthState.Late)]
    [InlineData(73, NodeHealthState.Silent)]
    public void Classify_HoursSinceLastHello_OkLateOrSilent(int hoursAgo, NodeHealthState expected) =>
        Assert.Equal(expected, NodeHealth.Classify(Healthy(Now - (hoursAgo * Hour)), Now));

    [Fact]
    public void Classify_NeverSeen_Silent() =>
        Assert.Equal(NodeHealthState.Silent, NodeHealth.Classify(new NodeHealthInput(null, null, null, null, null, 0), Now));

    [Fact]
    public void Classify_RefusedPushWithBacklog_Stuck_ButNotWithoutBacklog()
    {
        Assert.Equal(NodeHealthState.Stuck, NodeHealth.Classify(Healthy(Now) with { LastRefusal = "record too large", Backlog = 4 }, Now));
        Assert.Equal(NodeHealthState.Ok, NodeHealth.Classify(Healthy(Now) with { LastRefusal = "record too large", Backlog = 0 }, Now));
    }

    [Fact]
    public void Classify_FaultyDevice_DeviceFault() =>
        Assert.Equal(NodeHealthState.DeviceFault, NodeHealth.Classify(Healthy(Now) with { FaultyDevices = 1 }, Now));

    [Fact]
    public void Classify_OffsetBeyondSuspectBound_ClockSuspect_NodeVerdictWins()
    {
        var threeMinutes = 3 * 60 * 1000;
        Assert.Equal(NodeHealthState.ClockSuspect, NodeHealth.Classify(Healthy(Now) with { ClockOffsetMs = -threeMinutes }, Now));
        Assert.Equal(NodeHealthState.Ok, NodeHealth.Classify(Healthy(Now) with { ClockOffsetMs = -threeMinutes, ClockSuspect = false }, Now));
        Assert.Equal(NodeHealthState.ClockSuspect, NodeHealth.Classify(Healthy(Now) with { ClockSuspect = true }, Now));
    }

    [Fact]
    public void Classify_SilentNodeWithFaults_SilentOutranksStaleReports() =>
        Assert.Equal(NodeHealthState.Silent, NodeHealth.Classify(new NodeHealthInput(Now - (80 * Hour), 999_999, true, 5, "refused", 3), Now));

    [Fact]
    public void ToName_EveryState_DistinctSnakeCase()
    {
        var names = Enum.GetValues<NodeHealthState>().Select(s => s.ToName()).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z_]+$", n));
    }
}
