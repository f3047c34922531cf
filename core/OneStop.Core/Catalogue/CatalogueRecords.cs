using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Clock;

namespace OneStop.Core.Catalogue;

/// <summary>
/// How a procedure travels as a record: one field per top-level key of its catalogue entry, so the
/// hub can change the fees without resending the form. Ids are derived from the procedure code, so a
/// node that seeded the sample catalogue offline and the hub that seeded the same file hold the same
/// records, not duplicates.
/// </summary>
public static class CatalogueRecords
{
    /// <summary>Version of seeded values: below any real write, so the hub's first edit always wins.</summary>
    public static readonly HlcTimestamp SeedVersion = new(1, 0, "seed");

    public static Guid RecordId(string procedureCode) => NameBasedIds.For("onestop:procedure:" + procedureCode);

    /// <summary>Seed changes for every procedure of a catalogue file's text.</summary>
    public static IReadOnlyList<ChangeEntry> SeedEntries(string catalogueJson, string originNode)
    {
        using var document = JsonDocument.Parse(catalogueJson);
        var entries = new List<ChangeEntry>();
        var seq = 0L;
        foreach (var procedure in document.RootElement.GetProperty("procedures").EnumerateArray())
        {
            var code = procedure.GetProperty("code").GetString()!;
            var fields = procedure.EnumerateObject()
                .Select(p => new FieldChange(p.Name, p.Value.GetRawText(), false, SeedVersion, HlcTimestamp.Zero))
                .ToList();
            entries.Add(new ChangeEntry(originNode, ++seq, RecordId(code), RecordTypes.Procedure, Scopes.Global, fields));
        }

        return entries;
    }
}
