using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;

namespace OneStop.Protocol.Transport;

/// <summary>Cuts framed messages out of a pipe; shared by the server (request body) and client (response body).</summary>
internal sealed class GrpcMessageReader(PipeReader reader, int maxMessageBytes, bool gzipEncoded)
{
    /// <summary>Called with the wire size (prefix + payload) of each message read.</summary>
    public Action<int>? FrameRead { get; init; }

    /// <summary>Reads the next message, or null at a clean end of stream.</summary>
    /// <exception cref="GrpcException">The frame is malformed, too large or not parseable.</exception>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (result.IsCanceled)
            {
                reader.AdvanceTo(buffer.Start);
                throw new OperationCanceledException("The read was cancelled.");
            }

            if (TryCutFrame(buffer, out var flag, out var payload))
            {
                var consumed = payload.End;
                T message;
                try
                {
                    message = Parse(parser, flag, payload);
                }
                finally
                {
                    // Only what this frame used: the next frame may already sit in the buffer, and marking
                    // it examined would make the next ReadAsync wait for bytes that never come.
                    reader.AdvanceTo(consumed);
                }

                FrameRead?.Invoke(GrpcFrame.HeaderLength + (int)payload.Length);
                return message;
            }

            if (result.IsCompleted)
            {
                var leftover = buffer.Length;
                reader.AdvanceTo(buffer.End);
                if (leftover == 0)
                {
                    return null;
                }

                throw new GrpcException(
                    GrpcStatusCode.Internal,
                    $"The stream ended inside a message frame ({leftover} bytes of an incomplete frame).");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private bool TryCutFrame(ReadOnlySequence<byte> buffer, out byte flag, out ReadOnlySequence<byte> payload)
    {
        flag = 0;
        payload = default;
        if (buffer.Length < GrpcFrame.HeaderLength)
        {
            return false;
        }

        (flag, var length) = GrpcFrame.ReadHeader(buffer);
        if (flag > GrpcFrame.CompressedFlag)
        {
            reader.AdvanceTo(buffer.End);
            throw new GrpcException(GrpcStatusCode.Internal, $"Invalid compressed flag {flag} in a message frame.");
        }

        if (flag == GrpcFrame.CompressedFlag && !gzipEncoded)
        {
            reader.AdvanceTo(buffer.End);
            throw new GrpcException(
                GrpcStatusCode.Internal,
                "A message is flagged compressed but the stream declares no grpc-encoding.");
        }

        // Checked on the prefix alone, so an oversized message is refused before any of it is buffered.
        if (length > (uint)maxMessageBytes)
        {
            reader.AdvanceTo(buffer.End);
            throw new GrpcException(
                GrpcStatusCode.ResourceExhausted,
                $"Received message exceeds the maximum message size ({length} > {maxMessageBytes} bytes).");
        }

        if (buffer.Length - GrpcFrame.HeaderLength < length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcFrame.HeaderLength, length);
        return true;
    }

    private T Parse<T>(MessageParser<T> parser, byte flag, ReadOnlySequence<byte> payload)
        where T : class, IMessage<T>
    {
        try
        {
            return flag == GrpcFrame.CompressedFlag
                ? parser.ParseFrom(GrpcGzip.Decompress(payload, maxMessageBytes))
                : parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new GrpcException(GrpcStatusCode.Internal, "Could not parse a protobuf message: " + ex.Message, ex);
        }
    }
}
