using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using OneStop.Protocol.Tests.Infrastructure;
using OneStop.Protocol.V1;

namespace OneStop.Protocol.Tests.Client;

public sealed class ConnectionFailureTests
{
    // Far below the call-has-hung scale, far above a refused connect on loopback.
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Unary_ConnectionRefused_UnavailableQuickly()
    {
        using var channel = SyncChannel.Create(new Uri($"http://127.0.0.1:{ClosedPort()}"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Clients.For(channel).HelloAsync(Samples.Hello()).WaitAsync(Quickly));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task ServerStreaming_ConnectionRefused_UnavailableQuickly()
    {
        using var channel = SyncChannel.Create(new Uri($"http://127.0.0.1:{ClosedPort()}"));

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Clients.For(channel).PullAsync(new PullRequest()).ToListAsync().AsTask().WaitAsync(Quickly));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task ClientStreaming_ConnectionRefused_UnavailableQuickly()
    {
        using var channel = SyncChannel.Create(new Uri($"http://127.0.0.1:{ClosedPort()}"));
        var chunks = Samples.Blob(size: 100, chunkSize: 100).Chunks;

        // The request body stream is never handed out when the connect fails; the call must not wait for it.
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Clients.For(channel).UploadAttachmentAsync(Sources.ThenNever(chunks), Clients.UploadBytes).WaitAsync(Quickly));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_ServerStopped_Unavailable()
    {
        var server = await GrpcTestServer.StartAsync();
        var address = server.Address;
        using var channel = SyncChannel.Create(address);
        var client = Clients.For(channel);
        await client.HelloAsync(Samples.Hello());

        await server.DisposeAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.HelloAsync(Samples.Hello()).WaitAsync(Quickly));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
