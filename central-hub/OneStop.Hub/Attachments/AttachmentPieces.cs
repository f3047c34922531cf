using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.Attachments;

/// <summary>
/// Reads a stored blob back in bounded pieces from any offset. A sealed row holds at most
/// <see cref="AttachmentChunkTable.SegmentBytes"/> and is opened once for all the pieces it serves; a row in clear (a hub
/// before sealing stored a whole file as one row) is cut by the database, so a 5 MB scan is never loaded whole to serve a
/// resumed tail of it.
/// </summary>
public sealed class AttachmentPieces(IHubDatabase database)
{
    /// <summary>Pieces of <paramref name="sha256"/> from <paramref name="offset"/> to the end, each at most <paramref name="maxPieceBytes"/>; <see cref="InvalidDataException"/> when a stored row fails its seal or is missing.</summary>
    public async IAsyncEnumerable<(long Offset, byte[] Data)> ReadAsync(string sha256, long offset, int maxPieceBytes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPieceBytes, 1);
        IReadOnlyList<ChunkRow> layout;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            layout = await AttachmentChunkTable.LayoutAsync(connection, null, sha256, cancellationToken);
        }

        foreach (var row in layout.Where(row => row.Start + row.Length > offset))
        {
            var from = (int)(Math.Max(offset, row.Start) - row.Start);
            if (row.Sealed)
            {
                var plain = await ReadRowAsync(sha256, row, from, (int)row.Length - from, cancellationToken);
                for (var at = 0; at < plain.Length; at += maxPieceBytes)
                {
                    yield return (row.Start + from + at, plain.AsSpan(at, Math.Min(maxPieceBytes, plain.Length - at)).ToArray());
                }

                continue;
            }

            for (var at = from; at < row.Length; at += maxPieceBytes)
            {
                yield return (row.Start + at, await ReadRowAsync(sha256, row, at, (int)Math.Min(maxPieceBytes, row.Length - at), cancellationToken));
            }
        }
    }

    private async Task<byte[]> ReadRowAsync(string sha256, ChunkRow row, int from, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await AttachmentChunkTable.ReadAsync(connection, null, sha256, row, from, count, cancellationToken);
    }
}
