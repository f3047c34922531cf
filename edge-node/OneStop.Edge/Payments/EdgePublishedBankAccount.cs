using Microsoft.Extensions.Options;
using OneStop.Core.Payments;
using OneStop.Edge.Store;

namespace OneStop.Edge.Payments;

/// <summary>
/// The commune's bank account as the province published it (a commune_bank_account record pulled from the hub): the
/// desk's VietQR pays into it, and into the node's own setting only while the province has published none.
/// </summary>
public sealed class EdgePublishedBankAccount(EdgeStore store, IOptions<EdgeOptions> edgeOptions, TimeProvider time)
{
    /// <summary>How long one read serves the desk before the record is read again (a publication arrives by pull): 10 s.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private volatile Reading? _last;

    private sealed record Reading(PublishedBankAccount? Account, DateTimeOffset ReadAt);

    /// <summary>The account as last read (null: none published, or not read yet); a stale reading is renewed in the background.</summary>
    public PublishedBankAccount? Current
    {
        get
        {
            if (IsStale(_last))
            {
                _ = Task.Run(() => ReadAsync(CancellationToken.None));
            }

            return _last?.Account;
        }
    }

    /// <summary>Reads the record now, for a screen about to show a VietQR.</summary>
    public async Task<PublishedBankAccount?> ReadAsync(CancellationToken cancellationToken)
    {
        var commune = edgeOptions.Value.CommuneCode;
        var account = CommuneBankAccountRecords.Read(await store.GetAsync(CommuneBankAccountRecords.RecordId(commune), cancellationToken), commune);
        _last = new Reading(account, time.GetUtcNow());
        return account;
    }

    /// <summary>Reads the record when the last reading is older than <see cref="CacheFor"/>.</summary>
    public async Task RefreshIfStaleAsync(CancellationToken cancellationToken)
    {
        if (IsStale(_last))
        {
            await ReadAsync(cancellationToken);
        }
    }

    private bool IsStale(Reading? reading) => reading is null || time.GetUtcNow() - reading.ReadAt > CacheFor;
}
