using OneStop.Core.Repair;

namespace OneStop.Core.Tests.Repair;

public sealed class CursorMarkTests
{
    private const string Epoch = "e1";

    [Fact]
    public void Check_MarkTheHubGaveForThisCursor_Valid()
    {
        var mark = CursorMark.Of(Epoch, 31, "node-c", 5);

        Assert.Equal(CursorVerdict.Valid, CursorMark.Check(31, mark, 31, Epoch, CursorMark.Of(Epoch, 31, "node-c", 5)));
    }

    [Fact]
    public void Check_SameSeqNowHoldsAnotherEntry_OtherLog()
    {
        // The case: restored from a copy, node A's new entries took the seqs of node C's lost ones.
        var pulled = CursorMark.Of(Epoch, 31, "node-c", 5);
        var now = CursorMark.Of(Epoch, 31, "node-a", 10);

        Assert.Equal(CursorVerdict.OtherLog, CursorMark.Check(31, pulled, 31, Epoch, now));
    }

    [Fact]
    public void Check_CursorPastHead_PastHead_EvenWithoutAMark()
    {
        Assert.Equal(CursorVerdict.PastHead, CursorMark.Check(32, string.Empty, 26, Epoch, string.Empty));
    }

    [Fact]
    public void Check_MarkOfAnotherEpoch_OtherEpoch()
    {
        var mark = CursorMark.Of("e0", 20, "node-a", 3);

        Assert.Equal(CursorVerdict.OtherEpoch, CursorMark.Check(20, mark, 26, Epoch, CursorMark.Of(Epoch, 20, "node-a", 3)));
    }

    [Fact]
    public void Check_NoMarkOrCursorZero_Valid()
    {
        Assert.Equal(CursorVerdict.Valid, CursorMark.Check(20, string.Empty, 26, Epoch, CursorMark.Of(Epoch, 20, "node-a", 3)));
        Assert.Equal(CursorVerdict.Valid, CursorMark.Check(0, "other:0", 0, Epoch, CursorMark.Start(Epoch)));
    }
}
