using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;
using static OneStop.Core.Tests.Merge.Writes;

namespace OneStop.Core.Tests.Merge;

public sealed class ConflictTests
{
    private const string Name = "applicant_name";
    private static readonly FieldChange Created = Set(Name, "Nguyen Van A", V(100, "a"), HlcTimestamp.Zero);

    [Fact]
    public void Apply_TwoConcurrentDifferentValues_SameConflictInEitherOrder()
    {
        var fromB = Set(Name, "Nguyễn Văn A", V(200, "b"), Created.Version);
        var fromC = Set(Name, "Nguyễn Văn Á", V(200, "c"), Created.Version);

        var (recordBc, conflictsBc) = ApplyAll([Dossier(Created), Dossier(fromB), Dossier(fromC)]);
        var (recordCb, conflictsCb) = ApplyAll([Dossier(Created), Dossier(fromC), Dossier(fromB)]);

        Assert.Equal(Canonical(recordBc), Canonical(recordCb));
        var conflict = Assert.Single(conflictsBc);
        Assert.Equal(Canonical(conflictsBc), Canonical(conflictsCb));
        Assert.Equal(fromC, conflict.Winner);
        Assert.Equal(fromB, conflict.Loser);
        Assert.Equal(Json("Nguyễn Văn Á"), recordBc.GetJson(Name));
    }

    [Fact]
    public void Apply_ThreeConcurrentWrites_ReportsEveryPairOnceWhateverTheOrder()
    {
        var writes = new[]
        {
            Set(Name, "x", V(200, "a"), Created.Version),
            Set(Name, "y", V(210, "b"), Created.Version),
            Set(Name, "z", V(220, "c"), Created.Version),
        };
        var orders = new[] { new[] { 0, 1, 2 }, new[] { 2, 1, 0 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 } };
        var expected = (string?)null;
        foreach (var order in orders)
        {
            var (record, conflicts) = ApplyAll([Dossier(Created), .. order.Select(i => Dossier(writes[i]))]);

            Assert.Equal(3, conflicts.Count);
            Assert.Equal(3, conflicts.Select(conflict => conflict.Id).Distinct().Count());
            Assert.Equal(Json("z"), record.GetJson(Name));
            expected ??= Canonical(conflicts);
            Assert.Equal(expected, Canonical(conflicts));
            Assert.Equal(expected, Canonical(RecordMerge.Conflicts(record)));
        }
    }

    [Fact]
    public void Apply_SequentialWrites_NoConflict()
    {
        var second = Set(Name, "b", V(200, "b"), Created.Version);
        var third = Set(Name, "c", V(300, "c"), second.Version);

        var (record, conflicts) = ApplyAll([Dossier(third), Dossier(Created), Dossier(second)]);

        Assert.Empty(conflicts);
        Assert.Equal(Json("c"), record.GetJson(Name));
    }

    [Fact]
    public void Apply_ConcurrentWritesOfSameValue_NoConflict()
    {
        var fromB = Set(Name, "same", V(200, "b"), Created.Version);
        var fromC = Set(Name, "same", V(201, "c"), Created.Version);

        var (_, conflicts) = ApplyAll([Dossier(Created), Dossier(fromB), Dossier(fromC)]);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Apply_LateWriteOnOldVersion_PairedWithEveryWriteItMissed()
    {
        var second = Set(Name, "b", V(200, "b"), Created.Version);
        var third = Set(Name, "c", V(300, "b"), second.Version);
        var offline = Set(Name, "d", V(250, "d"), Created.Version);

        var (record, conflicts) = ApplyAll([Dossier(Created), Dossier(second), Dossier(third), Dossier(offline)]);

        Assert.Equal(Json("c"), record.GetJson(Name));
        Assert.Equal(2, conflicts.Count);
        Assert.All(conflicts, conflict => Assert.Contains(offline, new[] { conflict.Winner, conflict.Loser }));
    }

    [Fact]
    public void Apply_WriteOlderThanWhatALaterWriteReplaced_TakenAsSeenByIt()
    {
        // Versions are all a replica has to judge "seen": the third write replaced version 200, so it is
        // taken to have seen the offline write at 150 even though its node never received it.
        var second = Set(Name, "b", V(200, "b"), Created.Version);
        var third = Set(Name, "c", V(300, "b"), second.Version);
        var offline = Set(Name, "d", V(150, "d"), Created.Version);

        var (_, conflicts) = ApplyAll([Dossier(Created), Dossier(second), Dossier(third), Dossier(offline)]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal((second, offline), (conflict.Winner, conflict.Loser));
    }

    [Fact]
    public void Apply_SameEntryTwice_SecondIsNoOp()
    {
        var edit = Dossier(Set(Name, "b", V(200, "b"), Created.Version));
        var once = ApplyAll([Dossier(Created), edit]).Record;

        var again = RecordMerge.Apply(once, edit);

        Assert.Equal(Canonical(once), Canonical(again.Record));
        Assert.Empty(again.Applied);
        Assert.Empty(again.Conflicts);
    }

    [Fact]
    public void Apply_WinningIncomingWrite_ReportedAsApplied()
    {
        var newer = Set(Name, "b", V(200, "b"), Created.Version);
        var older = Set(Name, "c", V(150, "c"), Created.Version);
        var record = RecordMerge.Apply(null, Dossier(Created)).Record;

        var first = RecordMerge.Apply(record, Dossier(newer));
        var second = RecordMerge.Apply(first.Record, Dossier(older));

        Assert.Equal([newer], first.Applied);
        Assert.Empty(second.Applied);
    }

    [Fact]
    public void ConflictId_SidesSwapped_SameId()
    {
        var a = Set(Name, "x", V(200, "a"), Created.Version);
        var b = Set(Name, "y", V(200, "b"), Created.Version);

        Assert.Equal(ConflictIds.For(RecordId, Name, a, b), ConflictIds.For(RecordId, Name, b, a));
        Assert.NotEqual(ConflictIds.For(RecordId, Name, a, b), ConflictIds.For(Guid.NewGuid(), Name, a, b));
        Assert.Equal(8, ConflictIds.For(RecordId, Name, a, b).Version);
    }

    [Fact]
    public void Resolve_ConflictSettledOnLoser_LoserValueStandsAndNothingNewConflicts()
    {
        var fromB = Set(Name, "b", V(200, "b"), Created.Version);
        var fromC = Set(Name, "c", V(201, "c"), Created.Version);
        var (record, conflicts) = ApplyAll([Dossier(Created), Dossier(fromB), Dossier(fromC)]);
        var conflict = Assert.Single(conflicts);
        Assert.False(ConflictReview.IsResolved(record, conflict));

        var resolution = ConflictReview.Resolve(record, conflict, conflict.Loser.Json!, V(300, "hub"));
        var resolved = RecordMerge.Apply(record, Dossier(resolution));

        Assert.Equal(Json("b"), resolved.Record.GetJson(Name));
        Assert.Empty(resolved.Conflicts);
        Assert.True(ConflictReview.IsResolved(resolved.Record, conflict));
    }

    [Fact]
    public void Resolve_StatusConflictWhereLoserIsNewer_ResolutionSupersedesBoth()
    {
        var received = Set("status", "received", V(100, "a"), HlcTimestamp.Zero);
        var approved = Set("status", "approved", V(300, "a"), received.Version);
        var withdrawn = Set("status", "withdrawn", V(500, "b"), received.Version);
        var (record, conflicts) = ApplyAll([Dossier(received), Dossier(approved), Dossier(withdrawn)]);
        var conflict = Assert.Single(conflicts);

        var resolution = ConflictReview.Resolve(record, conflict, approved.Json!, V(600, "a"));
        var resolved = RecordMerge.Apply(record, Dossier(resolution));

        Assert.Equal(withdrawn.Version, resolution.Replaced);
        Assert.Empty(resolved.Conflicts);
        Assert.True(ConflictReview.IsResolved(resolved.Record, conflict));
    }

    [Fact]
    public void Resolve_VersionNotNewerThanBothSides_Throws()
    {
        var fromB = Set(Name, "b", V(200, "b"), Created.Version);
        var fromC = Set(Name, "c", V(201, "c"), Created.Version);
        var (record, conflicts) = ApplyAll([Dossier(Created), Dossier(fromB), Dossier(fromC)]);

        Assert.Throws<ArgumentException>(() => ConflictReview.Resolve(record, conflicts[0], Json("b"), V(201, "a")));
    }

    [Fact]
    public void Apply_DeletionConcurrentWithEdit_IsAConflict()
    {
        var deleted = new FieldChange(Name, null, true, V(200, "b"), Created.Version);
        var edited = Set(Name, "c", V(199, "c"), Created.Version);

        var (record, conflicts) = ApplyAll([Dossier(Created), Dossier(edited), Dossier(deleted)]);

        Assert.Null(record.GetJson(Name));
        Assert.Equal(deleted, Assert.Single(conflicts).Winner);
    }
}
