using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;

namespace OneStop.Storage.Tests;

public sealed class ChangeCodecTests
{
    private static readonly HlcTimestamp V1 = new(1_700_000_000_000, 0, "node-a");
    private static readonly HlcTimestamp V2 = new(1_700_000_000_500, 3, "node-b");

    [Fact]
    public void EncodeDecodeEntry_RoundTrip_KeepsEveryField()
    {
        var entry = new ChangeEntry("node-a", 42, Guid.CreateVersion7(), RecordTypes.Dossier, "03006",
        [
            new FieldChange("applicant_name", "\"Nguyễn Thị Ánh\"", false, V2, V1),
            new FieldChange("form.child.note", null, true, V2, HlcTimestamp.Zero),
            new FieldChange("count", "{\"a\":[1,2,3]}", false, V1, HlcTimestamp.Zero),
        ], ClockClamped: true);

        var decoded = ChangeCodec.DecodeEntry(ChangeCodec.EncodeEntry(entry));

        Assert.Equal(entry with { Fields = [] }, decoded with { Fields = [] });
        Assert.Equal(entry.Fields, decoded.Fields);
    }

    [Fact]
    public void EncodeDecodeFields_RecordWithKeptLosingWrites_KeysAndFieldNamesSurvive()
    {
        var id = Guid.CreateVersion7();
        var a = new ChangeEntry("node-a", 1, id, RecordTypes.Dossier, "03006", [new FieldChange("applicant_name", "\"A\"", false, V1, HlcTimestamp.Zero)]);
        var b = new ChangeEntry("node-b", 1, id, RecordTypes.Dossier, "03006", [new FieldChange("applicant_name", "\"B\"", false, V2, HlcTimestamp.Zero)]);
        var record = RecordMerge.Apply(RecordMerge.Apply(null, a).Record, b).Record;

        var decoded = ChangeCodec.DecodeFields(ChangeCodec.EncodeFields(record.Fields));

        Assert.Equal(record.Fields.Count, decoded.Count);
        Assert.Contains(decoded.Keys, FieldHistory.IsReserved);
        Assert.All(record.Fields, pair => Assert.Equal(pair.Value, decoded[pair.Key]));
        Assert.Single(RecordMerge.Conflicts(record with { Fields = decoded }));
    }

    [Fact]
    public void EncodeValues_RecordWithHistory_ShowsOnlyTheWinnersAndNoDeletedFields()
    {
        var id = Guid.CreateVersion7();
        var a = new ChangeEntry("node-a", 1, id, RecordTypes.Dossier, "03006",
        [
            new FieldChange("applicant_name", "\"A\"", false, V1, HlcTimestamp.Zero),
            new FieldChange("phone", null, true, V1, HlcTimestamp.Zero),
        ]);
        var b = new ChangeEntry("node-b", 1, id, RecordTypes.Dossier, "03006", [new FieldChange("applicant_name", "\"B\"", false, V2, HlcTimestamp.Zero)]);
        var record = RecordMerge.Apply(RecordMerge.Apply(null, a).Record, b).Record;

        Assert.Equal("{\"applicant_name\":\"B\"}", ChangeCodec.EncodeValues(record));
    }
}
