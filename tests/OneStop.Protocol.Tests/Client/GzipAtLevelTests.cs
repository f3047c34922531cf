using System.IO.Compression;
using Google.Protobuf;
using OneStop.Protocol.Tests.Infrastructure;

namespace OneStop.Protocol.Tests.Client;

/// <summary>The node's request gzip keeps its level although Grpc.Net.Client asks every provider for Fastest.</summary>
public sealed class GzipAtLevelTests
{
    [Fact]
    public void CreateCompressionStream_AskedForFastestAsGrpcNetClientDoes_CompressesAtItsOwnLevel()
    {
        var push = Samples.Push([.. Enumerable.Range(1, 200).Select(i => (long)i)]).ToByteArray();

        var sent = Compress(stream => new GzipAtLevel(CompressionLevel.Optimal).CreateCompressionStream(stream, CompressionLevel.Fastest), push);

        Assert.Equal(Compress(stream => new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true), push).Length, sent.Length);
        Assert.True(sent.Length < Compress(stream => new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true), push).Length);
        using var back = new GzipAtLevel(CompressionLevel.Optimal).CreateDecompressionStream(new MemoryStream(sent));
        using var plain = new MemoryStream();
        back.CopyTo(plain);
        Assert.Equal(push, plain.ToArray());
    }

    private static byte[] Compress(Func<Stream, Stream> open, byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = open(output))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
