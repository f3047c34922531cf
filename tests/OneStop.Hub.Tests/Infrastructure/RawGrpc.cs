using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace OneStop.Hub.Tests.Infrastructure;

/// <summary>Hand-made gRPC requests over plain HttpClient, for bytes our own client would never send.</summary>
public sealed class RawGrpc : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri _address;

    public RawGrpc(Uri address) => _address = address;

    public static byte[] Frame(byte flag, ReadOnlySpan<byte> payload, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static byte[] Frame(IMessage message) => Frame(0, message.ToByteArray());

    public static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(plain);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] packed)
    {
        using var input = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public Task<RawResponse> PostAsync(string path, byte[] body, string contentType = "application/grpc", IDictionary<string, string>? headers = null) =>
        PostAsync(path, new ByteArrayContent(body), contentType, headers);

    public async Task<RawResponse> PostAsync(string path, HttpContent content, string contentType = "application/grpc", IDictionary<string, string>? headers = null)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.ParseAdd("trailers");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(
            (int)response.StatusCode,
            ToDictionary(response.Headers, response.Content.Headers),
            bytes,
            ToDictionary(response.TrailingHeaders));
    }

    public void Dispose() => _http.Dispose();

    /// <summary>HttpClient splits one HTTP/2 header block in two: content-type and its kin live in the content's headers.</summary>
    private static Dictionary<string, string> ToDictionary(HttpHeaders headers, HttpHeaders? contentHeaders = null) =>
        headers.Concat(contentHeaders ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
}

public sealed record RawResponse(int HttpStatus, IReadOnlyDictionary<string, string> Headers, byte[] Body, IReadOnlyDictionary<string, string> Trailers)
{
    /// <summary>The grpc-status wherever it came: trailers, or the headers of a Trailers-Only reply.</summary>
    public int? GrpcStatus =>
        Trailers.TryGetValue("grpc-status", out var t) ? int.Parse(t, System.Globalization.CultureInfo.InvariantCulture)
        : Headers.TryGetValue("grpc-status", out var h) ? int.Parse(h, System.Globalization.CultureInfo.InvariantCulture)
        : null;

    public bool IsTrailersOnly => Headers.ContainsKey("grpc-status") && Body.Length == 0 && Trailers.Count == 0;

    public string? GrpcMessage =>
        Trailers.TryGetValue("grpc-message", out var t) ? t : Headers.GetValueOrDefault("grpc-message");
}
