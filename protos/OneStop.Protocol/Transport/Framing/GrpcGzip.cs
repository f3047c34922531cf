using System.Buffers;
using System.IO.Compression;

namespace OneStop.Protocol.Transport;

/// <summary>The one message compression we support (grpc-encoding: gzip).</summary>
internal static class GrpcGzip
{
    public static byte[] Compress(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return output.ToArray();
    }

    /// <summary>Inflates a payload, refusing to produce more than <paramref name="maxBytes"/> (a gzip bomb).</summary>
    public static byte[] Decompress(ReadOnlySequence<byte> payload, int maxBytes)
    {
        try
        {
            using var input = new MemoryStream(payload.ToArray(), writable: false);
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

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new GrpcException(GrpcStatusCode.Internal, "Could not decompress a gzip message.", ex);
        }
    }
}
