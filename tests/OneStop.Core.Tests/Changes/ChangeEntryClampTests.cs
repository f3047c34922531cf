using OneStop.Core.Changes;
using OneStop.Core.Clock;
using static OneStop.Core.Tests.Merge.Writes;

namespace OneStop.Core.Tests.Changes;

public sealed class ChangeEntryClampTests
{
    private const long Hub = 1_700_000_000_000;
    private const long Day = 86_400_000;
    private const long Bound = 300_000;

    [Fact]
    public void Clamp_PlausibleEntry_ReturnedUnchanged()
    {
        var entry = Dossier(Set("applicant_name", "A", V(Hub + 1000, "a"), HlcTimestamp.Zero));

        Assert.Same(entry, ChangeEntryClamp.Clamp(entry, Hub, Bound));
    }

    [Fact]
    public void Clamp_EntryOneDayAhead_VersionsPulledBackAndFlagged()
    {
        var entry = Dossier(
            Set("applicant_name", "A", V(Hub + Day, "a"), V(Hub + Day - 5, "a")),
            Set("status", "received", V(Hub + Day, "a"), HlcTimestamp.Zero));

        var clamped = ChangeEntryClamp.Clamp(entry, Hub, Bound);

        Assert.True(clamped.ClockClamped);
        Assert.All(clamped.Fields, field => Assert.Equal(new HlcTimestamp(Hub + Bound, 0, "a"), field.Version));
        Assert.All(clamped.Fields, field => Assert.True(field.Replaced < field.Version));
        Assert.Equal(HlcTimestamp.Zero, clamped.Fields[1].Replaced);
    }

    [Fact]
    public void Clamp_TwoEntriesOfOneBadClock_StayDistinctAndOrdered()
    {
        var first = Dossier(Set("applicant_name", "A", V(Hub + Day, "a"), HlcTimestamp.Zero));
        var second = Dossier(Set("applicant_name", "B", V(Hub + Day + 10, "a"), first.Fields[0].Version));

        var clampedFirst = ChangeEntryClamp.Clamp(first, Hub, Bound);
        var clampedSecond = ChangeEntryClamp.Clamp(second, Hub, Bound, clampedFirst.Fields[0].Version);

        Assert.True(clampedSecond.Fields[0].Version > clampedFirst.Fields[0].Version);
        Assert.True(clampedSecond.Fields[0].Replaced >= clampedFirst.Fields[0].Version);
        var (record, conflicts) = ApplyAll([clampedSecond, clampedFirst]);
        Assert.Equal(Json("B"), record.GetJson("applicant_name"));
        Assert.Empty(conflicts);
    }

    [Fact]
    public void Clamp_BadClockAgainstLaterHonestWrite_HonestWriteWins()
    {
        var bad = ChangeEntryClamp.Clamp(Dossier(Set("applicant_name", "wrong clock", V(Hub + Day, "z"), HlcTimestamp.Zero)), Hub, Bound);
        var honest = Dossier(Set("applicant_name", "honest", V(Hub + Bound + 60_000, "a"), HlcTimestamp.Zero));

        var (record, _) = ApplyAll([bad, honest]);

        Assert.Equal(Json("honest"), record.GetJson("applicant_name"));
    }

    [Fact]
    public void Reclock_OriginHoldingUnclampedWrite_EndsLikeEveryOtherReplica()
    {
        var created = Dossier(Set("applicant_name", "A", V(Hub - 1000, "b"), HlcTimestamp.Zero));
        var original = Dossier(Set("applicant_name", "B", V(Hub + Day, "z"), created.Fields[0].Version));
        var clamped = ChangeEntryClamp.Clamp(original, Hub, Bound);
        var origin = ApplyAll([created, original]).Record;

        var reclocked = RecordMerge.Reclock(origin, original, clamped).Record;

        Assert.Equal(Canonical(ApplyAll([created, clamped]).Record), Canonical(reclocked));
    }
}
