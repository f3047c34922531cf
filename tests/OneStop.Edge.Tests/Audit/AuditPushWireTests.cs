using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Audit;
using OneStop.Edge.Audit;
using OneStop.Edge.Sync;

namespace OneStop.Edge.Tests.Audit;

/// <summary>
/// What the node's audit push puts on the wire, read by a bare HTTP/2 endpoint on loopback that answers every call
/// UNIMPLEMENTED (as a hub without the audit service would): the gRPC frame's first byte is the compressed flag of the
/// gRPC HTTP/2 protocol (0 plain, 1 compressed with the encoding named in <c>grpc-encoding</c>).
/// </summary>
public sealed class AuditPushWireTests : IAsyncLifetime
{
    private readonly TempStore _files = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_000));
    private readonly List<(string? Encoding, byte Flag, int Length)> _seen = [];
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        _app.Run(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var frame = body.ToArray();
            lock (_seen)
            {
                _seen.Add((http.Request.Headers["grpc-encoding"].FirstOrDefault(), frame.Length > 0 ? frame[0] : (byte)255, frame.Length));
            }

            http.Response.ContentType = "application/grpc";
            http.Response.AppendTrailer("grpc-status", "12");
            await http.Response.CompleteAsync();
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task RunAsync_EntriesToSend_RequestGzippedOnTheWire()
    {
        var log = new EdgeAuditLog(_files.Database, _time);
        for (var i = 0; i < 50; i++)
        {
            await log.AppendAsync("canbo", AuditActions.Viewed, $"dossier-{i}", "api GET /api/dossiers/{id}, from 192.168.1.20");
        }

        var push = new AuditPush(log, Options.Create(new SyncOptions { NodeKey = "k" }), Options.Create(new EdgeOptions { NodeId = "node-a" }), TimeProvider.System, NullLogger<AuditPush>.Instance);
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var channel = GrpcChannel.ForAddress(bound);

        // The call deadline is read from the real clock: Grpc.Net.Client compares it with the wall time.
        await push.RunAsync(channel, CancellationToken.None);

        var call = Assert.Single(_seen);
        Assert.Equal("gzip", call.Encoding);
        Assert.Equal(1, call.Flag);
    }
}
