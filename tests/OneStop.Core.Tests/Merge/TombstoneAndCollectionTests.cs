using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;
using static OneStop.Core.Tests.Merge.Writes;

namespace OneStop.Core.Tests.Merge;

public sealed class TombstoneAndCollectionTests
{
    private static readonly FieldChange Created = Set("applicant_name", "A", V(100, "a"), HlcTimestamp.Zero);

    [Fact]
    public void Apply_EditAfterDeletion_DoesNotResurrect()
    {
        var created = RecordMerge.Apply(null, Dossier(Created)).Record;
        var deleted = RecordMerge.Apply(created, Dossier(RecordTombstone.Delete(created, V(200, "a")))).Record;

        var edited = RecordMerge.Apply(deleted, Dossier(FieldWrites.Set(deleted, "applicant_name", Json("B"), V(300, "b")))).Record;

        Assert.True(edited.IsDeleted);
        Assert.Equal(Json("B"), edited.GetJson("applicant_name"));
    }

    [Fact]
    public void Apply_RestoreAfterDeletion_RecordBack()
    {
        var created = RecordMerge.Apply(null, Dossier(Created)).Record;
        var deleted = RecordMerge.Apply(created, Dossier(RecordTombstone.Delete(created, V(200, "a")))).Record;

        var restored = RecordMerge.Apply(deleted, Dossier(RecordTombstone.Restore(deleted, V(300, "b")))).Record;

        Assert.False(restored.IsDeleted);
    }

    [Fact]
    public void Apply_ConcurrentDeleteAndRestore_LastWriterWinsWithConflict()
    {
        var deleted = RecordTombstone.Delete(null, V(200, "a"));
        var restored = RecordTombstone.Restore(null, V(250, "b"));

        var (record, conflicts) = ApplyAll([Dossier(Created), Dossier(deleted), Dossier(restored)]);

        Assert.False(record.IsDeleted);
        Assert.Single(conflicts);
    }

    [Fact]
    public void Read_NotesAddedConcurrentlyOnTwoNodes_UnionInVersionOrder()
    {
        var first = AppendOnlyFields.Append(AppendOnlyFields.Notes, Guid.Parse("0190f0a0-0000-7000-8000-00000000000b"), Json("from b"), V(300, "b"));
        var second = AppendOnlyFields.Append(AppendOnlyFields.Notes, Guid.Parse("0190f0a0-0000-7000-8000-00000000000a"), Json("from a"), V(200, "a"));

        var (record, conflicts) = ApplyAll([Dossier(Created), Dossier(first), Dossier(second)]);
        var notes = AppendOnlyFields.Read(record, AppendOnlyFields.Notes);

        Assert.Empty(conflicts);
        Assert.Equal([Json("from a"), Json("from b")], notes.Select(note => note.Json));
    }

    [Fact]
    public void Apply_ElementWrittenAgainLater_FirstWriteStands()
    {
        var id = Guid.Parse("0190f0a0-0000-7000-8000-00000000000c");
        var original = AppendOnlyFields.Append(AppendOnlyFields.Audit, id, Json("login"), V(200, "a"));
        var rewrite = Set(original.Name, "tampered", V(900, "b"), original.Version);

        var (record, _) = ApplyAll([Dossier(rewrite), Dossier(original)]);

        Assert.Equal(Json("login"), record.GetJson(original.Name));
    }

    [Theory]
    [InlineData("notes/0190f0a0", true)]
    [InlineData("form.phone", false)]
    [InlineData("notes/", false)]
    [InlineData("/x", false)]
    [InlineData("~v/000/abc/notes/1", false)]
    public void IsElement_FieldName_Recognised(string name, bool expected)
    {
        Assert.Equal(expected, AppendOnlyFields.IsElement(name));
    }

    [Fact]
    public void FieldName_CollectionWithSeparator_Throws()
    {
        Assert.Throws<ArgumentException>(() => AppendOnlyFields.FieldName("a/b", Guid.Empty));
    }

    [Fact]
    public void Set_StatusWhoseLoserIsNewest_ReplacesNewestVersion()
    {
        var approved = Set("status", "approved", V(300, "a"), HlcTimestamp.Zero);
        var withdrawn = Set("status", "withdrawn", V(500, "b"), HlcTimestamp.Zero);
        var (record, _) = ApplyAll([Dossier(approved), Dossier(withdrawn)]);

        var next = FieldWrites.Set(record, "status", Json("result_returned"), V(600, "a"));

        Assert.Equal(Json("approved"), record.GetJson("status"));
        Assert.Equal(withdrawn.Version, next.Replaced);
    }

    [Fact]
    public void Apply_IncomingReservedName_Ignored()
    {
        var planted = new FieldChange("~v/forged", Json("x"), false, V(200, "b"), HlcTimestamp.Zero);

        var (record, _) = ApplyAll([Dossier(Created, planted)]);

        Assert.DoesNotContain("~v/forged", record.Fields.Keys);
    }

    [Fact]
    public void CurrentFields_RecordWithHistory_OnlyWinners()
    {
        var second = Set("applicant_name", "B", V(200, "b"), HlcTimestamp.Zero);

        var (record, _) = ApplyAll([Dossier(Created), Dossier(second)]);

        Assert.Equal(2, record.Fields.Count);
        Assert.Equal([second], record.CurrentFields);
    }

    [Fact]
    public void Set_ReservedFieldName_Throws()
    {
        Assert.Throws<ArgumentException>(() => FieldWrites.Set(null, "~x", "1", V(1, "a")));
    }
}
