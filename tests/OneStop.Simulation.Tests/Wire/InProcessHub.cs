using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneStop.Hub;
using OneStop.Hub.Store;

namespace OneStop.Simulation.Tests.Wire;

/// <summary>
/// The hub as its host composes it (<c>AddHubEndpoints</c>, <c>AddHubStore</c>, <c>MapHubSync</c>: Grpc.AspNetCore,
/// node authentication middleware, the store on <c>hub.db</c>), served by an in-memory TestServer instead of
/// Kestrel. Restarting it opens a new host on the same file, as a restarted process would.
/// </summary>
internal sealed class InProcessHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessHub(WebApplication app)
    {
        _app = app;
    }

    public HubStore Store => _app.Services.GetRequiredService<HubStore>();

    public AttachmentStore Attachments => _app.Services.GetRequiredService<AttachmentStore>();

    public Uri Address => _app.GetTestServer().BaseAddress;

    public static async Task<InProcessHub> StartAsync(string directory, IEnumerable<SimNodeIdentity> nodes, TimeProvider time, FaultLedger ledger)
    {
        Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        var settings = new Dictionary<string, string?>
        {
            ["Hub:DataDirectory"] = directory,
            ["Hub:HubId"] = "hub",
            ["Hub:AdminApiKey"] = "sim-admin",
        };
        var index = 0;
        foreach (var node in nodes)
        {
            settings[$"Hub:Nodes:{index}:Id"] = node.NodeId;
            settings[$"Hub:Nodes:{index}:CommuneCode"] = node.Commune;
            settings[$"Hub:Nodes:{index}:Key"] = node.Key;
            index++;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHubEndpoints();
        builder.AddHubStore();

        // Registered after AddHubStore: the last registration is the one resolved, so the hub runs on the simulation's clock.
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(ledger);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<HubCrashWitness>());
        var app = builder.Build();
        app.MapHubSync();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new InProcessHub(app);
    }

    /// <summary>A channel's handler that reaches this host in memory, through the full ASP.NET Core pipeline.</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();

        // A crashed process keeps no pooled connection: the next host opens the file afresh.
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>Counts the injected crashes that landed inside the hub's push transaction (seen as the handler's exception).</summary>
internal sealed class HubCrashWitness(FaultLedger ledger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (SqliteException ex) when (FaultTriggers.IsInjected(ex))
        {
            ledger.LandedAtHub++;
            throw;
        }
    }
}
