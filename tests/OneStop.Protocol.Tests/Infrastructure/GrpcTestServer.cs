using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Protocol.Transport;

namespace OneStop.Protocol.Tests.Infrastructure;

/// <summary>Real Kestrel on 127.0.0.1 and a free port, serving <see cref="TestSyncService"/>.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, CapturedLogs logs, TestSyncService service, Uri address)
    {
        _app = app;
        Logs = logs;
        Service = service;
        Address = address;
    }

    public Uri Address { get; }

    public int Port => Address.Port;

    public TestSyncService Service { get; }

    public CapturedLogs Logs { get; }

    public static async Task<GrpcTestServer> StartAsync(
        GrpcServerOptions? options = null,
        X509Certificate2? certificate = null,
        Action<IEndpointRouteBuilder>? mapMore = null,
        Action<KestrelServerOptions>? kestrelLimits = null)
    {
        var logs = new CapturedLogs();
        var service = new TestSyncService();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenGrpc(IPAddress.Loopback, 0, certificate);
            kestrelLimits?.Invoke(kestrel);
        });
        var app = builder.Build();
        app.MapSyncService(service, options);
        mapMore?.Invoke(app);
        app.MapGrpcUnimplementedFallback();

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = app.Lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await app.StartAsync().WaitAsync(StartTimeout);
            await started.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException ex)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"Kestrel did not start within {StartTimeout}. Log:{Environment.NewLine}{logs}", ex);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var port = new Uri(bound).Port;
        var scheme = certificate is null ? "http" : "https";
        var host = certificate is null ? "127.0.0.1" : "localhost";
        return new GrpcTestServer(app, logs, service, new Uri($"{scheme}://{host}:{port}"));
    }

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => new(Address, options);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
