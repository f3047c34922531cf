using OneStop.Core.Catalogue;
using OneStop.Core.Changes;
using OneStop.Core.Forms;

namespace OneStop.PublicSite.Ports;

/// <summary>What the public site needs of the hub's store: records by id, a commune's records, one write path, blobs.</summary>
public interface IPublicRecords
{
    /// <summary>Communes the hub serves (those with a registered node): the only scopes a resident's filing may name.</summary>
    IReadOnlyList<string> Communes { get; }

    /// <summary>The catalogue's shared option lists (ethnicities, relationships) that forms refer to.</summary>
    SharedOptionLists OptionLists { get; }

    Task<StoredRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Ids of the dossiers holding a public code (normalised), at most <paramref name="max"/>, by index.</summary>
    Task<IReadOnlyList<Guid>> FindDossiersByPublicCodeAsync(string code, int max, CancellationToken cancellationToken = default);

    /// <summary>Dossiers filed online under a CCCD number and created in [from, to), by index.</summary>
    Task<long> CountOnlineFilingsAsync(string cccd, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Procedure>> ListProceduresAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes as the hub, logged, so the commune's node pulls it.</summary>
    Task WriteAsync(Guid id, string type, string commune, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default);

    Task StoreBlobAsync(string sha256, string contentType, byte[] content, CancellationToken cancellationToken = default);

    Task<byte[]?> ReadBlobAsync(string sha256, CancellationToken cancellationToken = default);
}
