using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.Transport;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Framing;

public sealed class GrpcFrameTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Write_Plain_PrefixesFlagAndBigEndianLength()
    {
        var message = Samples.Hello();
        var output = new ArrayBufferWriter<byte>();

        var written = GrpcFrame.Write(output, message, gzip: false, maxMessageBytes: 1024);

        var size = message.CalculateSize();
        Assert.Equal(5 + size, written);
        Assert.Equal([0, 0, 0, (byte)(size >> 8), (byte)size], output.WrittenSpan[..5].ToArray());
        Assert.Equal(message, HelloRequest.Parser.ParseFrom(output.WrittenSpan[5..].ToArray()));
    }

    [Fact]
    public void Write_GzipOnTinyMessage_SendsPlainBecauseGzipWouldGrowIt()
    {
        var output = new ArrayBufferWriter<byte>();

        GrpcFrame.Write(output, new AttachmentQuery { Sha256 = "ab" }, gzip: true, maxMessageBytes: 1024);

        Assert.Equal(GrpcFrame.UncompressedFlag, output.WrittenSpan[0]);
    }

    [Fact]
    public void Write_OverLimit_ResourceExhaustedBeforeWriting()
    {
        var output = new ArrayBufferWriter<byte>();

        var ex = Assert.Throws<GrpcException>(() => GrpcFrame.Write(output, Samples.Push(1, 2, 3), gzip: false, maxMessageBytes: 10));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, ex.Status);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public async Task Reader_TwoFramesInOneBuffer_ReadsBothWithoutWaiting()
    {
        var pipe = new Pipe();
        var first = Samples.Push(1);
        var second = Samples.Push(2);
        // Framed by the test's own encoder, not the product's writer. One write, stream left open: marking the
        // second frame examined would make the next read hang.
        await pipe.Writer.WriteAsync((byte[])[.. RawGrpc.Frame(first), .. RawGrpc.Frame(second)]);
        var reader = new GrpcMessageReader(pipe.Reader, 1 << 20, gzipEncoded: false);

        Assert.Equal(first, await reader.ReadAsync(PushRequest.Parser, CancellationToken.None).AsTask().WaitAsync(Patience));
        Assert.Equal(second, await reader.ReadAsync(PushRequest.Parser, CancellationToken.None).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task Reader_FrameSplitAcrossWrites_WaitsForTheRest()
    {
        var pipe = new Pipe();
        var message = Samples.Push(1, 2);
        var frame = RawGrpc.Frame(message);
        var reader = new GrpcMessageReader(pipe.Reader, 1 << 20, gzipEncoded: false);

        var read = reader.ReadAsync(PushRequest.Parser, CancellationToken.None).AsTask();
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 3));
        await pipe.Writer.WriteAsync(frame.AsMemory(3, 10));
        Assert.False(read.IsCompleted);
        await pipe.Writer.WriteAsync(frame.AsMemory(13));
        await pipe.Writer.CompleteAsync();

        Assert.Equal(message, await read.WaitAsync(Patience));
        Assert.Null(await reader.ReadAsync(PushRequest.Parser, CancellationToken.None));
    }

    [Fact]
    public async Task Reader_GzipFrame_Inflates()
    {
        var pipe = new Pipe();
        var message = Samples.Push(1);
        await pipe.Writer.WriteAsync(RawGrpc.Frame(1, RawGrpc.Gzip(message.ToByteArray())));
        await pipe.Writer.CompleteAsync();
        var reader = new GrpcMessageReader(pipe.Reader, 1 << 20, gzipEncoded: true);

        Assert.Equal(message, await reader.ReadAsync(PushRequest.Parser, CancellationToken.None));
    }
}
