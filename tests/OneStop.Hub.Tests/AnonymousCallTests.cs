using System.Net;
using System.Net.Http.Headers;
using OneStop.Hub.Tests.Infrastructure;
using static OneStop.Hub.Tests.Infrastructure.HubTestHost;

namespace OneStop.Hub.Tests;

/// <summary>Authentication comes before the body is read: an anonymous caller learns nothing from the parser.</summary>
public sealed class AnonymousCallTests : IAsyncLifetime
{
    private HubTestHost _hub = null!;

    public async Task InitializeAsync() => _hub = await StartAsync();

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    // The hand-made HTTP/2 request is refused by Kestrel itself (HTTP 400) before any handler: fix the request, then drop Skip.
    [Theory(Skip = "test request refused by Kestrel with HTTP 400 before reaching the gRPC handler; see the defects report")]
    [InlineData("Hello")]
    [InlineData("Push")]
    public async Task UnaryCall_NoCredentialsAndGarbageBody_Unauthenticated(string method)
    {
        var head = await _hub.Store.ReadLogHeadAsync();
        using var h2c = new HttpClient { BaseAddress = _hub.GrpcAddress, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        // A gRPC frame (uncompressed, 5 bytes long) whose bytes are not a valid message.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/onestop.sync.v1.Sync/{method}", UriKind.Relative))
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");

        using var response = await h2c.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await response.Content.ReadAsByteArrayAsync();
        var all = response.Headers.Concat(response.TrailingHeaders).Concat(response.Content.Headers).ToList();
        var status = all.Where(h => h.Key == "grpc-status").SelectMany(h => h.Value).FirstOrDefault();
        Assert.True(status is not null, $"HTTP {(int)response.StatusCode}: {string.Join("; ", all.Select(h => $"{h.Key}={string.Join(',', h.Value)}"))}");

        Assert.Equal(((int)Protocol.Transport.GrpcStatusCode.Unauthenticated).ToString(System.Globalization.CultureInfo.InvariantCulture), status);
        Assert.Equal(head, await _hub.Store.ReadLogHeadAsync());
    }
}
