using OneStop.Storage;

namespace OneStop.Hub.Store;

public sealed partial class HubStore
{
    // Set once every blob an older hub stored in clear has been moved to sealed rows.
    private const string ContentSealedMetaKey = "attachment_content_sealed";

    /// <summary>
    /// Moves the attachment content a hub before sealing stored in clear into sealed rows, one blob per transaction (a
    /// hub stopped half-way carries on from the blobs still in clear), then marks the store done in its meta so later
    /// starts skip the scan. Nothing without a cipher.
    /// </summary>
    /// <returns>The clear rows sealed now.</returns>
    private async Task<long> SealStoredContentAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> blobs;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            if (RecordSealing.Of(connection) is null || await MetaTable.ReadAsync(connection, null, ContentSealedMetaKey, cancellationToken) is not null)
            {
                return 0;
            }

            blobs = await AttachmentChunkTable.ListClearBlobsAsync(connection, cancellationToken);
        }

        var sealedRows = 0L;
        foreach (var sha256 in blobs.Append(null))
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            if (sha256 is null)
            {
                await MetaTable.WriteAsync(connection, transaction, ContentSealedMetaKey, "v1", cancellationToken);
            }
            else
            {
                // The same lock an upload of this blob takes: a chunk arriving now lands before or after the move, never inside it.
                await database.LockAsync(connection, transaction, ["blob:" + sha256], cancellationToken);
                sealedRows += await AttachmentChunkTable.SealClearRowsAsync(connection, transaction, sha256, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return sealedRows;
    }
}
