using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Tests.Merge;

/// <summary>Short ways to write field changes and entries in tests.</summary>
internal static class Writes
{
    public static readonly Guid RecordId = Guid.Parse("0190f0a0-0000-7000-8000-000000000001");

    public static HlcTimestamp V(long wall, string node, int counter = 0) => new(wall, counter, node);

    public static string Json(string text) => $"\"{text}\"";

    public static FieldChange Set(string field, string text, HlcTimestamp version, HlcTimestamp replaced) =>
        FieldChange.Set(field, Json(text), version, replaced);

    public static ChangeEntry Entry(string recordType, params FieldChange[] fields) =>
        new(fields[0].Version.Node, fields[0].Version.WallMs, RecordId, recordType, "79999", fields);

    public static ChangeEntry Dossier(params FieldChange[] fields) => Entry(RecordTypes.Dossier, fields);

    /// <summary>Applies entries in order from an empty record; returns the record and every conflict reported on the way.</summary>
    public static (StoredRecord Record, List<FieldConflict> Conflicts) ApplyAll(IEnumerable<ChangeEntry> entries)
    {
        StoredRecord? record = null;
        var conflicts = new List<FieldConflict>();
        foreach (var entry in entries)
        {
            var result = RecordMerge.Apply(record, entry);
            record = result.Record;
            conflicts.AddRange(result.Conflicts);
        }

        return (record ?? throw new InvalidOperationException("No entries."), conflicts);
    }

    /// <summary>A record's full content in a fixed order, for equality across replicas.</summary>
    public static string Canonical(StoredRecord record) =>
        $"{record.Id}|{record.Type}|{record.Scope}\n" + string.Join(
            "\n",
            record.Fields.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));

    public static string Canonical(IEnumerable<FieldConflict> conflicts) =>
        string.Join("\n", conflicts.OrderBy(conflict => conflict.Id).Select(conflict => $"{conflict.Id} {conflict}"));
}
