using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Protocol.Tests.Infrastructure;

/// <summary>Real Kestrel with Grpc.AspNetCore on 127.0.0.1 and a free port, serving <see cref="TestSyncService"/>.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, TestSyncService service, Uri address)
    {
        _app = app;
        Service = service;
        Address = address;
    }

    public Uri Address { get; }

    public int Port => Address.Port;

    public TestSyncService Service { get; }

    public static async Task<GrpcTestServer> StartAsync(X509Certificate2? certificate = null)
    {
        var service = new TestSyncService();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(service);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.ResponseCompressionAlgorithm = "gzip";
            grpc.ResponseCompressionLevel = CompressionLevel.Optimal;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        app.MapGrpcService<TestSyncService>();
        await app.StartAsync().WaitAsync(StartTimeout);

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var port = new Uri(bound).Port;
        var scheme = certificate is null ? "http" : "https";
        var host = certificate is null ? "127.0.0.1" : "localhost";
        return new GrpcTestServer(app, service, new Uri($"{scheme}://{host}:{port}"));
    }

    public GrpcChannel CreateChannel(SyncChannelOptions? options = null) => SyncChannel.Create(Address, options);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
