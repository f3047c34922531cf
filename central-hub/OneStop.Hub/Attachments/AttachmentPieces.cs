using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub.Attachments;

/// <summary>
/// Reads a stored blob back in bounded pieces from any offset. Chunks are rows of any size (an upload's 64 KiB, or a
/// whole file the public site stored at once), so a piece is cut out of its row by the database (substr), and a 5 MB
/// scan is never loaded whole to serve a resumed tail of it.
/// </summary>
public sealed class AttachmentPieces(IHubDatabase database)
{
    /// <summary>Pieces of <paramref name="sha256"/> from <paramref name="offset"/> to the end, each at most <paramref name="maxPieceBytes"/>.</summary>
    public async IAsyncEnumerable<(long Offset, byte[] Data)> ReadAsync(string sha256, long offset, int maxPieceBytes, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPieceBytes, 1);
        foreach (var (start, length) in await LayoutAsync(sha256, cancellationToken))
        {
            for (var at = Math.Max(offset, start); at < start + length; at += maxPieceBytes)
            {
                var count = (int)Math.Min(maxPieceBytes, start + length - at);
                yield return (at, await SliceAsync(sha256, start, (int)(at - start), count, cancellationToken));
            }
        }
    }

    private async Task<List<(long Start, long Length)>> LayoutAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"offset\", length(data) FROM attachment_chunks WHERE sha256 = @sha ORDER BY \"offset\"";
        command.AddParameter("@sha", sha256);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(long, long)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private async Task<byte[]> SliceAsync(string sha256, long rowStart, int from, int count, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // substr counts from 1 on both engines, in bytes for a blob (SQLite) and a bytea (PostgreSQL).
        command.CommandText = "SELECT substr(data, @from, @count) FROM attachment_chunks WHERE sha256 = @sha AND \"offset\" = @start";
        command.AddParameter("@sha", sha256);
        command.AddParameter("@start", rowStart);
        command.AddParameter("@from", from + 1);
        command.AddParameter("@count", count);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[]
            ?? throw new InvalidDataException($"attachment {sha256} lost its chunk at {rowStart} while it was read");
    }
}
