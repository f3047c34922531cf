using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OneStop.Core.Catalogue;
using OneStop.Hub.Admin;
using OneStop.Hub.Enrolment;
using OneStop.Hub.Nodes;
using OneStop.Hub.Services;
using OneStop.Hub.Store;
using OneStop.Storage;

namespace OneStop.Hub;

/// <summary>Registrations of the hub host, one method per part.</summary>
public static class HubExtensions
{
    /// <summary>
    /// Two listeners: gRPC for nodes (HTTP/2 only, so h2c works without TLS) and HTTP/1.1+2 for admins;
    /// each serves only its own endpoints (<see cref="AdminListener"/>).
    /// </summary>
    public static WebApplicationBuilder AddHubEndpoints(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        var address = IPAddress.Parse(options.ListenAddress);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // HTTP/2 only: nodes speak h2c with prior knowledge without TLS.
            kestrel.Listen(address, options.GrpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseNodeTls();
            });
            kestrel.Listen(address, options.HttpPort, listen => listen.UseAdminTag());
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxMessageBytes;
            grpc.MaxSendMessageSize = HubOptions.DefaultMaxMessageBytes;
            // Pull replies are the largest messages on the slowest direction of a 2G link; gzip whenever the node accepts it.
            grpc.ResponseCompressionAlgorithm = "gzip";
            grpc.ResponseCompressionLevel = CompressionLevel.Optimal;
            grpc.EnableDetailedErrors = false;
        });
        return builder;
    }

    public static WebApplicationBuilder AddHubStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        // Personal fields are sealed under the province's key on either engine (Privacy/ProvinceDataKey).
        builder.Services.AddSingleton(sp => Privacy.ProvinceDataKey.Open(sp.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectory));
        builder.Services.AddSingleton(sp =>
            new SqliteDatabase(Path.Combine(sp.GetRequiredService<IOptions<HubOptions>>().Value.DataDirectory, "hub.db")) { Cipher = sp.GetRequiredService<OneStop.Core.Privacy.PersonalDataCipher>() });
        builder.Services.AddSingleton(sp => HubDatabases.Create(
            sp.GetRequiredService<IOptions<HubOptions>>().Value, builder.Configuration.GetConnectionString("Hub"), sp.GetRequiredService<SqliteDatabase>,
            sp.GetRequiredService<OneStop.Core.Privacy.PersonalDataCipher>()));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HubOptions>>().Value;
            return new HubStore(sp.GetRequiredService<IHubDatabase>(), options.HubId, sp.GetRequiredService<TimeProvider>(), options.MaxClockAheadMs);
        });
        builder.Services.AddSingleton(sp => new AttachmentStore(
            sp.GetRequiredService<IHubDatabase>(), sp.GetRequiredService<IOptions<HubOptions>>().Value.MaxAttachmentBytes));
        builder.Services.AddSingleton(sp => new Attachments.AttachmentPieces(sp.GetRequiredService<IHubDatabase>()));
        builder.Services.AddSingleton<Attachments.OriginalRequests>();
        builder.Services.AddSingleton<INodeAuthenticator, SharedKeyAuthenticator>();
        builder.Services.AddSingleton<HubSyncService>();
        builder.Services.AddSingleton<AdminApiKey>();
        builder.Services.AddHostedService<HubStoreStartup>();
        return builder;
    }

    public static WebApplication MapHubSync(this WebApplication app)
    {
        app.UseNodeAuthentication();
        app.MapGrpcService<HubSyncService>();
        app.MapGrpcService<Attachments.AttachmentsDownService>();
        app.MapGrpcService<Attachments.OriginalsService>();
        return app;
    }
}

/// <summary>Creates the schema and seeds the catalogue once, before the first node can call.</summary>
internal sealed class HubStoreStartup(HubStore store, IOptions<HubOptions> options, ILogger<HubStoreStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await store.InitialiseAsync(cancellationToken);
        if (await store.SealExistingAsync(cancellationToken) is > 0 and var sealedRows)
        {
            logger.LogWarning("Sealed {Rows} rows of personal data written in clear by an earlier build.", sealedRows);
        }

        var file = options.Value.CatalogueFile;
        if (File.Exists(file))
        {
            await store.SeedAsync(CatalogueRecords.SeedEntries(await File.ReadAllTextAsync(file, cancellationToken), store.HubId), cancellationToken);
        }
        else
        {
            logger.LogWarning("Catalogue file {File} not found: the hub starts with an empty catalogue.", file);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
