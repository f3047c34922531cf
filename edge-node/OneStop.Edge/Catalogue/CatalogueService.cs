using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Edge.Store;
using OneStop.Storage;

namespace OneStop.Edge.Catalogue;

/// <summary>The procedure catalogue as this node holds it: seeded from the sample file, then kept by the hub.</summary>
public sealed class CatalogueService(EdgeStore store)
{
    public async Task<IReadOnlyList<Procedure>> ListAsync(CancellationToken cancellationToken = default)
    {
        var records = await store.ListAsync(RecordTypes.Procedure, 10_000, cancellationToken);
        return [.. records.Select(ToProcedure).OrderBy(p => p.Code, StringComparer.Ordinal)];
    }

    public async Task<Procedure?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var record = await store.GetAsync(CatalogueRecords.RecordId(code), cancellationToken);
        return record is null ? null : ToProcedure(RecordData.Of(record));
    }

    private static Procedure ToProcedure(RecordData record)
    {
        using var document = System.Text.Json.JsonDocument.Parse(record.DataJson);
        return ProcedureCatalogueParser.ParseOne(document.RootElement);
    }
}
