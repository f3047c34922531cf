using OneStop.Storage;

namespace OneStop.Edge.Store;

public sealed partial class EdgeStore
{
    /// <summary>Ids of this node's dossiers holding a public code, by index.</summary>
    public async Task<IReadOnlyList<Guid>> FindDossiersByPublicCodeAsync(string code, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await DossierLookupIndexes.FindByPublicCodeAsync(connection, postgres: false, code, max, cancellationToken);
    }
}
