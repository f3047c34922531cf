using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Protocol.Mapping;

namespace OneStop.Protocol.Tests.Mapping;

/// <summary>The hub's check that a pushed value is one JSON value: it refuses and accepts what a JSON document parse does.</summary>
public sealed class ChangeMapperJsonCheckTests
{
    private static readonly HlcTimestamp Version = new(1_733_000_180_000, 5, "node-b");

    public static TheoryData<string> Values() =>
    [
        "\"Nguyễn Văn An\"", "42", "-0.5e3", "true", "null", "{\"a\":[1,{\"b\":null}]}", "  [1, 2]  ", "\n\"x\"\t",
        string.Empty, " ", "1 2", "{\"a\":1}}", "[1,]", "{\"a\":1,}", "// note\n1", "/* note */ 1", "nul", "'x'", "\"open",
        "{\"a\":", "[", "]", "01", "1.", "NaN", "\"\\u00\"", "\"a\"\"b\"", "{} x",
        "\"" + new string('ễ', 400) + "\"", "[" + new string('ễ', 400) + "]",
        new string('[', 64) + new string(']', 64), new string('[', 65) + new string(']', 65),
        "\"\ud800\"",
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void TryToDomain_FieldValue_AcceptedExactlyWhenAJsonDocumentParses(string json)
    {
        var wire = ChangeMapper.ToWire(new ChangeEntry("node-b", 1, Guid.CreateVersion7(), RecordTypes.Dossier, "03006", [FieldChange.Set("note", json, Version, HlcTimestamp.Zero)]));

        Assert.Equal(ParsesAsDocument(json), ChangeMapper.TryToDomain(wire, out _, out _));
    }

    private static bool ParsesAsDocument(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
