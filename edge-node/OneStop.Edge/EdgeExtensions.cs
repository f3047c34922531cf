using Microsoft.Extensions.Options;
using OneStop.Core.Catalogue;
using OneStop.Edge.Attachments;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Store;
using OneStop.Edge.Sync;
using OneStop.Storage;

namespace OneStop.Edge;

/// <summary>Registrations of the edge host, one method per part.</summary>
public static class EdgeExtensions
{
    public static WebApplicationBuilder AddEdgeStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
            new SqliteDatabase(Path.Combine(sp.GetRequiredService<IOptions<EdgeOptions>>().Value.DataDirectory, "edge.db")));
        builder.Services.AddSingleton(sp =>
            new EdgeStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IOptions<EdgeOptions>>().Value.NodeId));
        builder.Services.AddSingleton<BlobStore>();
        builder.Services.AddSingleton<SyncQuarantine>();
        builder.Services.AddSingleton<RecordPages>();
        builder.Services.AddSingleton<AttachmentService>();
        builder.Services.AddSingleton<CatalogueService>();
        builder.Services.AddSingleton<DossierService>();
        builder.Services.AddHostedService<EdgeStoreStartup>();
        return builder;
    }

    public static WebApplicationBuilder AddSyncAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SyncStatus>();
        builder.Services.AddSingleton<SyncAgent>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SyncAgent>());
        return builder;
    }
}

/// <summary>Opens the store and seeds the sample catalogue before the host serves its first request.</summary>
internal sealed class EdgeStoreStartup(EdgeStore store, IOptions<EdgeOptions> options, TimeProvider time, ILogger<EdgeStoreStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await store.InitialiseAsync(time, cancellationToken);
        var file = options.Value.CatalogueFile;
        if (File.Exists(file))
        {
            await store.SeedReferenceAsync(CatalogueRecords.SeedEntries(await File.ReadAllTextAsync(file, cancellationToken), "seed"), cancellationToken);
        }
        else
        {
            logger.LogWarning("Catalogue file {File} not found: procedures arrive with the first sync.", file);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
