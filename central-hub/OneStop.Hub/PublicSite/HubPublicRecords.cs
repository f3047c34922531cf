using System.Text.Json;
using Microsoft.Extensions.Options;
using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Forms;
using OneStop.Hub.Store;
using OneStop.PublicSite.Ports;

namespace OneStop.Hub.PublicSite;

/// <summary>The public site's port over the hub store: reads by id or commune, writes through the hub's one logged write path.</summary>
public sealed class HubPublicRecords(HubStore store, AttachmentStore blobs, IOptions<HubOptions> options) : IPublicRecords
{
    private readonly Lazy<SharedOptionLists> _lists = new(() =>
        File.Exists(options.Value.CatalogueFile) ? SharedOptionLists.ParseCatalogue(File.ReadAllText(options.Value.CatalogueFile)) : SharedOptionLists.Empty);

    public IReadOnlyList<string> Communes =>
        [.. options.Value.Nodes.Select(n => n.CommuneCode).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public SharedOptionLists OptionLists => _lists.Value;

    public Task<StoredRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Guid>> FindDossiersByPublicCodeAsync(string code, int max, CancellationToken cancellationToken = default) =>
        store.FindDossiersByPublicCodeAsync(code, max, cancellationToken);

    public Task<long> CountOnlineFilingsAsync(string cccd, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        store.CountOnlineFilingsAsync(cccd, from, to, cancellationToken);

    public async Task<IReadOnlyList<Procedure>> ListProceduresAsync(CancellationToken cancellationToken = default)
    {
        var procedures = new List<Procedure>();
        foreach (var record in await store.ListAsync(RecordTypes.Procedure, Scopes.Global, 10_000, cancellationToken))
        {
            using var document = JsonDocument.Parse(record.DataJson);
            procedures.Add(ProcedureCatalogueParser.ParseOne(document.RootElement));
        }

        return procedures;
    }

    public Task WriteAsync(Guid id, string type, string commune, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default) =>
        store.WriteAsHubAsync(id, type, commune, values, cancellationToken);

    public async Task StoreBlobAsync(string sha256, string contentType, byte[] content, CancellationToken cancellationToken = default)
    {
        // Content-addressed: a file the hub already holds (the same scan filed twice) is not stored again.
        if (!(await blobs.QueryAsync(sha256, cancellationToken)).Complete)
        {
            await blobs.AppendAsync(sha256, content.LongLength, 0, content, contentType, cancellationToken);
        }
    }

    public Task<byte[]?> ReadBlobAsync(string sha256, CancellationToken cancellationToken = default) => blobs.ReadCompleteAsync(sha256, cancellationToken);
}
