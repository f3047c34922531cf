using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OneStop.Hub.AdminConsole;
using OneStop.Hub.Api;
using OneStop.Hub.Audit;
using OneStop.Hub.Enrolment;
using OneStop.Hub.Operations;
using OneStop.Hub.PublicSite;
using OneStop.Hub.Store;
using OneStop.Protocol;
using OneStop.TestHosts;

namespace OneStop.Hub.Tests.Infrastructure;

/// <summary>
/// The real hub composition (the same extension methods as Program.cs) on Kestrel over loopback,
/// with its SQLite file in a temp folder. Nodes A and B serve different communes.
/// </summary>
public sealed class HubTestHost : IAsyncDisposable
{
    public const string NodeA = "node-a";
    public const string CommuneA = "03006";
    public const string KeyA = "key-a";
    public const string NodeB = "node-b";
    public const string CommuneB = "03445";
    public const string KeyB = "key-b";

    private readonly WebApplication _app;
    private readonly string _root;

    private HubTestHost(WebApplication app, string root, int grpcPort, int httpPort, int publicPort, bool tls)
    {
        PublicAddress = new Uri($"http://127.0.0.1:{publicPort}");
        _app = app;
        _root = root;
        GrpcAddress = new Uri($"{(tls ? "https" : "http")}://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public Uri GrpcAddress { get; }

    /// <summary>The hub's data folder (SQLite file, generated admin key).</summary>
    public string DataDirectory => _root;

    public Uri HttpAddress { get; }

    /// <summary>The residents' public site listener.</summary>
    public Uri PublicAddress { get; }

    /// <summary>The admin API key this host was configured with.</summary>
    public const string AdminKey = "test-admin-key";

    /// <summary>An admin HTTP client presenting <see cref="AdminKey"/>.</summary>
    public HttpClient AdminHttp()
    {
        var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(20) };
        http.DefaultRequestHeaders.Add(Admin.AdminApiKey.Header, AdminKey);
        return http;
    }

    public HubStore Store => _app.Services.GetRequiredService<HubStore>();

    public IServiceProvider Services => _app.Services;

    public AttachmentStore Attachments => _app.Services.GetRequiredService<AttachmentStore>();

    /// <summary>
    /// Starts a hub on free loopback ports. Another test process may take a port between the check and the bind
    /// (seen on CI: "address already in use"), so a start that loses that race is retried on new ports.
    /// </summary>
    public static async Task<HubTestHost> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(extra);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException && attempt < 3)
            {
                // The next attempt draws new ports.
            }
        }
    }

    private static async Task<HubTestHost> TryStartAsync(IReadOnlyDictionary<string, string?>? extra)
    {
        var root = Directory.CreateTempSubdirectory("onestop-hub-test-").FullName;
        var grpcPort = HostProcess.FreePort();
        var httpPort = HostProcess.FreePort();
        var publicPort = HostProcess.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory, ApplicationName = "OneStop.Hub" });
        var settings = new Dictionary<string, string?>
        {
            ["Hub:DataDirectory"] = root,
            ["Hub:GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:AdminApiKey"] = AdminKey,
            ["Hub:MaxAttachmentBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:Nodes:0:Id"] = NodeA,
            ["Hub:Nodes:0:CommuneCode"] = CommuneA,
            ["Hub:Nodes:0:Key"] = KeyA,
            ["Hub:Nodes:1:Id"] = NodeB,
            ["Hub:Nodes:1:CommuneCode"] = CommuneB,
            ["Hub:Nodes:1:Key"] = KeyB,
            ["Hub:PublicUrls"] = $"http://127.0.0.1:{publicPort}",
            ["Logging:LogLevel:Default"] = "Warning",
            // The shared keys above predate enrolment; certificate tests pass "false" in extra.
            ["NodeSecurity:DevelopmentSharedKeys"] = "true",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHubEndpoints();
        builder.AddHubStore();
        builder.AddNodeEnrolment();
        builder.AddHubConsole();
        builder.AddHubAudit();
        builder.AddHubHealth();
        builder.AddHubMetrics();
        builder.AddHubPublicSite();
        var app = builder.Build();
        app.MapHubSync();
        app.MapNodeEnrolment();
        app.MapHubAudit();
        app.MapHubAdminApi();
        app.MapHubConsole();
        app.MapHubHealth();
        app.MapHubMetrics();
        app.MapHubPublicSite();
        try
        {
            await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await app.DisposeAsync();
            Directory.Delete(root, recursive: true);
            throw;
        }

        var tls = !string.Equals(settings["NodeSecurity:DevelopmentSharedKeys"], "true", StringComparison.OrdinalIgnoreCase);
        return new HubTestHost(app, root, grpcPort, httpPort, publicPort, tls);
    }

    /// <summary>A sync client that presents the given node's id and key on every call.</summary>
    public NodeClient Client(string nodeId, string key) => new(SyncChannel.Create(GrpcAddress), nodeId, key);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Pooled SQLite connections may hold the file a moment longer; the temp folder is the OS's to clean.
        }
    }
}

/// <summary>A node's view of the hub: the sync client plus its credentials.</summary>
public sealed class NodeClient(GrpcChannel channel, string nodeId, string key) : IDisposable
{
    /// <summary>What the tests' uploads announce for their deadline: more than any blob they send.</summary>
    public const long UploadBytes = 1024 * 1024;

    public SyncClient Sync { get; } = new(channel, new SyncCallSettings { NodeId = nodeId, NodeKey = key, BaseTimeout = TimeSpan.FromSeconds(20) });

    public string NodeId { get; } = nodeId;

    public void Dispose() => channel.Dispose();
}
