using System.Security.Cryptography;
using Google.Protobuf;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Infrastructure;

public static class Samples
{
    public const long NodeWallMs = 1_699_999_999_000;

    public static HelloRequest Hello(string nodeId = "node-1") =>
        new() { NodeId = nodeId, CommuneCode = "26734", NodeWallMs = NodeWallMs, SoftwareVersion = "1.0.0" };

    public static PushRequest Push(params long[] originSeqs)
    {
        var request = new PushRequest { NodeId = "node-1" };
        foreach (var seq in originSeqs)
        {
            request.Entries.Add(new ChangeEntry
            {
                OriginNode = "node-1",
                OriginSeq = seq,
                RecordId = $"rec-{seq}",
                RecordType = "dossier",
                Scope = "26734",
                Fields = { new FieldChange { Name = "applicant", JsonValue = "\"Nguyễn Văn A\"", Version = new Hlc { WallMs = NodeWallMs, Node = "node-1" } } },
            });
        }

        return request;
    }

    /// <summary>A deterministic blob cut into chunks as an edge node would upload it.</summary>
    public static (string Sha256, byte[] Data, List<AttachmentChunk> Chunks) Blob(int size, int chunkSize, int seed = 7)
    {
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        var sha = Convert.ToHexStringLower(SHA256.HashData(data));
        var chunks = new List<AttachmentChunk>();
        for (var offset = 0; offset < size; offset += chunkSize)
        {
            chunks.Add(new AttachmentChunk
            {
                Sha256 = sha,
                TotalSize = size,
                Offset = offset,
                Data = ByteString.CopyFrom(data, offset, Math.Min(chunkSize, size - offset)),
                RecordId = "rec-1",
                ContentType = "application/pdf",
            });
        }

        return (sha, data, chunks);
    }
}
