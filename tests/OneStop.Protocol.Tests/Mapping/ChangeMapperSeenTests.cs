using Google.Protobuf;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Merge;
using OneStop.Protocol.Mapping;
using DomainChange = OneStop.Core.Changes.ChangeEntry;
using WireChange = OneStop.Protocol.V1.ChangeEntry;

namespace OneStop.Protocol.Tests.Mapping;

/// <summary>The writer's vector on the wire (FieldChange fields 6 and 7): exact, compact, and absent for old nodes.</summary>
public sealed class ChangeMapperSeenTests
{
    private static readonly HlcTimestamp FromC = new(1_733_000_120_000, 2, "node-c");
    private static readonly HlcTimestamp FromA = new(1_733_000_060_000, 1, "node-a");
    private static readonly HlcTimestamp Now = new(1_733_000_180_000, 5, "node-b");

    [Fact]
    public void ToWireToDomain_VectorWithAndWithoutTheReplacedEntry_SameWrite()
    {
        FieldChange[] writes =
        [
            FieldChange.Set("applicant_name", "\"B\"", Now, FromC) with { Seen = VersionVector.Of([FromC, FromA]) },
            FieldChange.Set("applicant_name", "\"B\"", Now, FromC) with { Seen = VersionVector.Of([new HlcTimestamp(1, 0, "node-c"), FromA]) },
            FieldChange.Set("applicant_name", "\"B\"", Now, HlcTimestamp.Zero),
        ];

        foreach (var write in writes)
        {
            var entry = new DomainChange("node-b", 7, Guid.CreateVersion7(), RecordTypes.Dossier, "03006", [write]);
            var bytes = ChangeMapper.ToWire(entry).ToByteArray();

            Assert.True(ChangeMapper.TryToDomain(WireChange.Parser.ParseFrom(bytes), out var back, out var error), error);
            Assert.Equal(write, back.Fields[0]);
            Assert.True(WriteIdentity.SameWrite(write, back.Fields[0]));
        }
    }

    [Fact]
    public void ToWire_VectorHoldingOnlyTheReplacedVersion_TwoBytesMoreThanWithout()
    {
        var plain = FieldChange.Set("applicant_name", "\"B\"", Now, FromC);
        var withVector = plain with { Seen = VersionVector.Of([FromC]) };

        var size = Size(plain);
        var sizeWithVector = Size(withVector);

        Assert.Equal(size + 2, sizeWithVector);
    }

    [Fact]
    public void TryToDomain_EntryFromAnOldNodeWithoutFieldsSixAndSeven_JudgedByReplaced()
    {
        var old = new WireChange
        {
            OriginNode = "node-b",
            OriginSeq = 7,
            RecordId = Guid.CreateVersion7().ToString(),
            RecordType = RecordTypes.Dossier,
            Scope = "03006",
            Fields = { new V1.FieldChange { Name = "applicant_name", JsonValue = "\"B\"", Version = ChangeMapper.ToWire(Now), Replaced = ChangeMapper.ToWire(FromC) } },
        };

        Assert.True(ChangeMapper.TryToDomain(old, out var entry, out var error), error);
        var write = entry.Fields[0];
        Assert.True(write.Seen.IsEmpty);

        // Replaced reaches A's version, so the old rule takes the write to have seen A's.
        Assert.True(Concurrency.HasSeen(write, FieldChange.Set("applicant_name", "\"A\"", FromA, HlcTimestamp.Zero)));
    }

    private static int Size(FieldChange write) =>
        ChangeMapper.ToWire(new DomainChange("node-b", 7, Guid.Empty, RecordTypes.Dossier, "03006", [write])).CalculateSize();
}
