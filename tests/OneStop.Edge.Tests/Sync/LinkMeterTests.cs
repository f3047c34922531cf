using Microsoft.Extensions.Time.Testing;
using OneStop.Edge.Sync;

namespace OneStop.Edge.Tests.Sync;

/// <summary>What the node measures of its link for push pacing.</summary>
public sealed class LinkMeterTests
{
    [Fact]
    public void Current_NothingMeasured_Unknown()
    {
        var meter = new LinkMeter(new FakeTimeProvider());

        Assert.True(meter.Current.RoundTripSeconds < 0);
        Assert.Equal(0, meter.Current.GoodputBytesPerSecond);
    }

    [Fact]
    public void NoteHello_SeveralRoundTrips_LowestOfTheRecentOnes()
    {
        var meter = new LinkMeter(new FakeTimeProvider());
        meter.NoteHello(TimeSpan.FromMilliseconds(900));
        meter.NoteHello(TimeSpan.FromMilliseconds(650));
        meter.NoteHello(TimeSpan.FromMilliseconds(700));

        Assert.Equal(0.65, meter.Current.RoundTripSeconds, 6);
    }

    [Fact]
    public void Acknowledged_PipelineOfFourBatches_RateFromTheReplyBeforeEachSending()
    {
        var time = new FakeTimeProvider();
        var meter = new LinkMeter(time);
        meter.StartPush();
        // Two batches of 50,000 bytes leave at once; replies 2 s and 3 s later; a third leaves at the first reply.
        var first = meter.Sent();
        var second = meter.Sent();
        time.Advance(TimeSpan.FromSeconds(2));
        meter.Acknowledged(50_000, first);
        var third = meter.Sent();
        time.Advance(TimeSpan.FromSeconds(1));
        meter.Acknowledged(50_000, second);
        time.Advance(TimeSpan.FromSeconds(1));
        meter.Acknowledged(50_000, third);

        // Samples: 50,000 / 2; 100,000 / 3; third: 100,000 delivered since the first reply, over 2 s = 50,000 / s.
        Assert.Equal(50_000, meter.Current.GoodputBytesPerSecond, 6);
    }

    [Fact]
    public void Acknowledged_BurstOfReplies_NoSampleAboveWhatCrossedSinceEachSending()
    {
        var time = new FakeTimeProvider();
        var meter = new LinkMeter(time);
        meter.StartPush();
        var sent = Enumerable.Range(0, 4).Select(_ => meter.Sent()).ToList();
        time.Advance(TimeSpan.FromSeconds(4));
        // The hub commits four batches that arrived together: four replies within a millisecond.
        foreach (var mark in sent)
        {
            meter.Acknowledged(25_000, mark);
            time.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond / 4));
        }

        Assert.InRange(meter.Current.GoodputBytesPerSecond, 24_900, 25_000);
    }

    [Fact]
    public void EndPush_ShortPush_KeepsTheEstimateOfTheLongerOneBefore()
    {
        var time = new FakeTimeProvider();
        var meter = new LinkMeter(time);
        Push(meter, time, batches: 6, bytes: 10_000, secondsEach: 0.1);
        var measured = meter.Current.GoodputBytesPerSecond;
        Push(meter, time, batches: 1, bytes: 1_000, secondsEach: 1);

        Assert.Equal(100_000, measured, 6);
        Assert.Equal(measured, meter.Current.GoodputBytesPerSecond, 6);
    }

    private static void Push(LinkMeter meter, FakeTimeProvider time, int batches, int bytes, double secondsEach)
    {
        meter.StartPush();
        for (var i = 0; i < batches; i++)
        {
            var mark = meter.Sent();
            time.Advance(TimeSpan.FromSeconds(secondsEach));
            meter.Acknowledged(bytes, mark);
        }

        meter.EndPush();
    }
}
