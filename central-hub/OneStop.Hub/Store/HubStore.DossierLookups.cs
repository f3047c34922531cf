using OneStop.Storage;

namespace OneStop.Hub.Store;

public sealed partial class HubStore
{
    /// <summary>Ids of the dossiers holding a public code, by index: one normally, two or more only on a collision.</summary>
    public async Task<IReadOnlyList<Guid>> FindDossiersByPublicCodeAsync(string code, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await DossierLookupIndexes.FindByPublicCodeAsync(connection, database is PostgresHubDatabase, code, max, cancellationToken);
    }

    /// <summary>Online filings of a CCCD number created in [from, to), by index.</summary>
    public async Task<long> CountOnlineFilingsAsync(string cccd, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await DossierLookupIndexes.CountOnlineFilingsAsync(connection, database is PostgresHubDatabase, cccd, Iso(from), Iso(to), cancellationToken);
    }

    // As dossiers write created_at: round-trip format in UTC, so text order is time order.
    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
