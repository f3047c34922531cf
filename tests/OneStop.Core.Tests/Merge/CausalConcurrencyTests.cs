using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;
using static OneStop.Core.Tests.Merge.Writes;

namespace OneStop.Core.Tests.Merge;

/// <summary>Issue 17: concurrency judged from what each writer had seen of the field, not from clock order.</summary>
public sealed class CausalConcurrencyTests
{
    private const string Name = "applicant_name";
    private const long T0 = 1_733_000_000_000;

    // The three nodes: C creates; A edits offline; C edits and syncs; B pulls C's edit and edits after it.
    private static readonly FieldChange Created = FieldWrites.Set(null, Name, Json("Tên gốc"), V(T0, "c", 3));
    private static readonly StoredRecord Synced = RecordMerge.Apply(null, Dossier(Created)).Record;
    private static readonly FieldChange FromA = FieldWrites.Set(Synced, Name, Json("Tên từ A"), V(T0 + 60_000, "a", 1));
    private static readonly FieldChange FromC = FieldWrites.Set(Synced, Name, Json("Tên từ C"), V(T0 + 120_000, "c", 2));
    private static readonly FieldChange FromB = FieldWrites.Set(RecordMerge.Apply(Synced, Dossier(FromC)).Record, Name, Json("Tên từ B"), V(T0 + 180_000, "b", 5));

    public static TheoryData<int[]> Orders() => new([0, 1, 2, 3], [0, 2, 3, 1], [3, 1, 2, 0], [1, 3, 0, 2], [2, 0, 3, 1]);

    [Theory]
    [MemberData(nameof(Orders))]
    public void OpenConflicts_EditNeverSeenByANewerWrite_OneConflictWithTheCurrentValueInAnyOrder(int[] order)
    {
        FieldChange[] writes = [Created, FromA, FromC, FromB];

        var (record, reported) = ApplyAll(order.Select(i => Dossier(writes[i])));

        // B's write is newest by clock and shown; it saw C's but not A's, so A's is concurrent with both.
        Assert.Equal(Json("Tên từ B"), record.GetJson(Name));
        Assert.Equal(
            [(FromC.Version, FromA.Version), (FromB.Version, FromA.Version)],
            reported.Select(c => (c.Winner.Version, c.Loser.Version)).Order().ToList());
        var open = Assert.Single(RecordMerge.OpenConflicts(record));
        Assert.Equal(FromB, open.Winner);
        Assert.Equal(FromA, open.Loser);
    }

    [Fact]
    public void Seen_LocalWriteAfterMerges_JoinOfEveryHeldWriteAndWhatItsWriterSaw()
    {
        Assert.Equal(VersionVector.Empty, Created.Seen);
        Assert.Equal([Created.Version], FromA.Seen.Entries);
        Assert.Equal([Created.Version], FromC.Seen.Entries);

        // C's node wrote twice: its newest version stands for both.
        Assert.Equal([FromC.Version], FromB.Seen.Entries);

        var all = ApplyAll([Dossier(Created), Dossier(FromA), Dossier(FromC), Dossier(FromB)]).Record;
        var resolution = FieldWrites.Set(all, Name, Json("Tên đã chọn"), V(T0 + 240_000, "b", 0));
        Assert.Equal([FromA.Version, FromB.Version, FromC.Version], resolution.Seen.Entries);
    }

    [Fact]
    public void Resolve_OpenConflict_SettlesItAndLeavesNoneOpen()
    {
        var (record, _) = ApplyAll([Dossier(Created), Dossier(FromA), Dossier(FromC), Dossier(FromB)]);
        var open = Assert.Single(RecordMerge.OpenConflicts(record));

        var resolution = ConflictReview.Resolve(record, open, Json("Tên từ A"), V(T0 + 300_000, "hub"));
        var resolved = RecordMerge.Apply(record, Dossier(resolution));

        Assert.Empty(resolved.Conflicts);
        Assert.True(ConflictReview.IsResolved(resolved.Record, open));
        Assert.Empty(RecordMerge.OpenConflicts(resolved.Record));
        Assert.Equal(Json("Tên từ A"), resolved.Record.GetJson(Name));
    }

    [Fact]
    public void Resolve_ReplicaMissingOneSide_Refused()
    {
        var (record, _) = ApplyAll([Dossier(Created), Dossier(FromA), Dossier(FromC), Dossier(FromB)]);
        var open = Assert.Single(RecordMerge.OpenConflicts(record));
        var withoutA = ApplyAll([Dossier(Created), Dossier(FromC), Dossier(FromB)]).Record;

        Assert.Throws<ArgumentException>(() => ConflictReview.Resolve(withoutA, open, Json("x"), V(T0 + 300_000, "b")));
    }

    [Fact]
    public void AreConcurrent_WritesWithoutVectors_JudgedByReplacedAsBefore()
    {
        // The same history from nodes on the previous build: B replaced C's version, newer than A's, so B
        // is taken to have seen A (the rule the issue reports, kept for old nodes' writes).
        var fromA = FromA with { Seen = VersionVector.Empty };
        var fromC = FromC with { Seen = VersionVector.Empty };
        var fromB = FromB with { Seen = VersionVector.Empty };

        Assert.Equal(FromC.Version, fromB.Replaced);
        Assert.False(Concurrency.AreConcurrent(fromA, fromB));
        Assert.True(Concurrency.AreConcurrent(fromA, fromC));
        Assert.False(Concurrency.AreConcurrent(fromC, fromB));

        // A new write judged against an old one: the new one's vector, the old one's replaced version.
        Assert.False(Concurrency.AreConcurrent(FromA, fromB));
        Assert.True(Concurrency.AreConcurrent(fromA, FromB));
    }

    [Fact]
    public void VersionVector_Join_CommutativeAssociativeIdempotent()
    {
        var x = VersionVector.Of([V(5, "a"), V(9, "b", 2)]);
        var y = VersionVector.Of([V(7, "a"), V(9, "b", 1), V(1, "c")]);
        var z = VersionVector.Of([V(6, "c"), V(2, "a")]);

        Assert.Equal(x.Join(y), y.Join(x));
        Assert.Equal(x.Join(y).Join(z), x.Join(y.Join(z)));
        Assert.Equal(x, x.Join(x));
        Assert.Equal([V(7, "a"), V(9, "b", 2), V(6, "c")], x.Join(y).Join(z).Entries);
        Assert.True(x.Covers(V(9, "b", 2)));
        Assert.False(x.Covers(V(9, "b", 3)));
        Assert.False(x.Covers(V(1, "c")));
    }

    [Fact]
    public void Clamp_VectorNamingTheOriginsOwnClampedWrite_CappedAtWhatTheHubAccepted()
    {
        // Node a's clock runs an hour ahead: the hub clamped its first write; its second names the unclamped one.
        var hubNow = T0;
        var first = FieldWrites.Set(null, Name, Json("1"), V(T0 + 3_600_000, "a"));
        var firstClamped = ChangeEntryClamp.Clamp(Dossier(first), hubNow, ClockPolicy.DefaultMaxAheadMs).Fields[0];
        var second = FieldWrites.Set(RecordMerge.Apply(null, Dossier(first)).Record, Name, Json("2"), V(T0 + 3_600_001, "a"));

        var clamped = ChangeEntryClamp.Clamp(Dossier(second), hubNow + 1, ClockPolicy.DefaultMaxAheadMs, firstClamped.Version);

        var write = clamped.Fields[0];
        Assert.True(clamped.ClockClamped);
        Assert.Equal([firstClamped.Version], write.Seen.Entries);
        Assert.True(Concurrency.HasSeen(write, firstClamped));
        Assert.True(write.Version > firstClamped.Version);
    }
}
