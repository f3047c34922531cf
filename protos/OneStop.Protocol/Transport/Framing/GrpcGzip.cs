using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace OneStop.Protocol.Transport;

/// <summary>The one message compression we support (grpc-encoding: gzip).</summary>
internal static class GrpcGzip
{
    // Header (10) + smallest deflate block (2) + trailer CRC32 and ISIZE (8).
    private const int MinimumMemberLength = 20;

    // Optimal rather than Fastest: the sync link is 2G and the messages are JSON text, so bytes cost more than CPU.
    public static byte[] Compress(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return output.ToArray();
    }

    /// <summary>Inflates a payload, refusing to produce more than <paramref name="maxBytes"/> (a gzip bomb).</summary>
    public static byte[] Decompress(ReadOnlySequence<byte> payload, int maxBytes)
    {
        var packed = payload.ToArray();
        // GZipStream reports a truncated member as a clean end; the 10-byte header and the trailer's ISIZE
        // (length mod 2^32, little-endian) are what reveal a cut or corrupt message.
        if (packed.Length < MinimumMemberLength || packed[0] != 0x1F || packed[1] != 0x8B)
        {
            throw new GrpcException(GrpcStatusCode.Internal, "A compressed message is not a gzip member.");
        }

        try
        {
            using var input = new MemoryStream(packed, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new GrpcException(
                        GrpcStatusCode.ResourceExhausted,
                        $"Decompressed message exceeds the maximum message size ({maxBytes} bytes).");
                }

                output.Write(chunk, 0, read);
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(packed.AsSpan(packed.Length - 4)) != (uint)output.Length)
            {
                throw new GrpcException(GrpcStatusCode.Internal, "A compressed message is truncated or corrupt.");
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new GrpcException(GrpcStatusCode.Internal, "Could not decompress a gzip message.", ex);
        }
    }
}
