using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;

namespace OneStop.Storage.Tests;

/// <summary>The writer's vector in the stores' JSON: kept exactly, and absent (empty) in rows written before vectors.</summary>
public sealed class ChangeCodecVectorTests
{
    private static readonly HlcTimestamp V1 = new(1_733_000_000_000, 4, "node-a");
    private static readonly HlcTimestamp V2 = new(1_733_000_000_500, 3, "node-b");

    [Fact]
    public void EncodeDecodeEntry_FieldWithVector_SameWrite()
    {
        var write = FieldChange.Set("applicant_name", "\"B\"", V2, V1) with { Seen = VersionVector.Of([V1, new HlcTimestamp(1_732_999_000_000, 0, "hub")]) };
        var entry = new ChangeEntry("node-b", 3, Guid.CreateVersion7(), RecordTypes.Dossier, "03006", [write]);

        var decoded = ChangeCodec.DecodeEntry(ChangeCodec.EncodeEntry(entry));

        Assert.Equal(write, decoded.Fields[0]);
        Assert.Equal(2, decoded.Fields[0].Seen.Entries.Count);
    }

    [Fact]
    public void DecodeFields_RowWrittenBeforeVectors_EmptyVector()
    {
        const string Row = """{"applicant_name":{"j":"B","v":[1733000000500,3,"node-b"],"r":[1733000000000,4,"node-a"]}}""";

        var write = ChangeCodec.DecodeFields(Row)["applicant_name"];

        Assert.True(write.Seen.IsEmpty);
        Assert.Equal(V1, write.Replaced);
        Assert.DoesNotContain("\"s\"", ChangeCodec.EncodeFields(new Dictionary<string, FieldChange> { ["applicant_name"] = write }), StringComparison.Ordinal);
    }
}
