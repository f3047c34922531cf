using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace OneStop.Protocol.Transport;

/// <summary>The length-prefixed message frame: 1 byte compressed flag, 4 byte big-endian length, payload.</summary>
internal static class GrpcFrame
{
    public const int HeaderLength = 5;
    public const byte UncompressedFlag = 0;
    public const byte CompressedFlag = 1;

    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? CompressedFlag : UncompressedFlag;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..HeaderLength], (uint)length);
    }

    /// <summary>Reads the prefix; the caller has checked that <paramref name="buffer"/> holds at least 5 bytes.</summary>
    public static (byte Flag, uint Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        return (header[0], BinaryPrimitives.ReadUInt32BigEndian(header[1..]));
    }

    /// <summary>
    /// Writes one framed message and returns the number of bytes it takes on the wire. With gzip on, a
    /// payload that gzip would not make smaller is still sent plain.
    /// </summary>
    public static int Write(IBufferWriter<byte> output, IMessage message, bool gzip, int maxMessageBytes)
    {
        var size = message.CalculateSize();
        if (size > maxMessageBytes)
        {
            throw new GrpcException(
                GrpcStatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum message size ({size} > {maxMessageBytes} bytes).");
        }

        if (gzip)
        {
            var plain = message.ToByteArray();
            var packed = GrpcGzip.Compress(plain);
            // Small messages grow under gzip; the per-message flag lets us send those plain.
            var useCompressed = packed.Length < plain.Length;
            var payload = useCompressed ? packed : plain;
            WriteHeader(output.GetSpan(HeaderLength), useCompressed, payload.Length);
            output.Advance(HeaderLength);
            output.Write(payload);
            return HeaderLength + payload.Length;
        }

        WriteHeader(output.GetSpan(HeaderLength), compressed: false, size);
        output.Advance(HeaderLength);
        message.WriteTo(output);
        return HeaderLength + size;
    }
}
