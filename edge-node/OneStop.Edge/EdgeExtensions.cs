using Microsoft.Extensions.Options;
using OneStop.Core.Catalogue;
using OneStop.Edge.Attachments;
using OneStop.Edge.Calendar;
using OneStop.Edge.Catalogue;
using OneStop.Edge.Dossiers;
using OneStop.Edge.Startup;
using OneStop.Edge.Store;
using OneStop.Edge.StoreHealth;
using OneStop.Edge.Sync;
using OneStop.Storage;

namespace OneStop.Edge;

/// <summary>Registrations of the edge host, one method per part.</summary>
public static class EdgeExtensions
{
    public static WebApplicationBuilder AddEdgeStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.Section).ValidateGenerated<EdgeOptions, EdgeOptionsValidator>().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var dataDirectory = sp.GetRequiredService<IOptions<EdgeOptions>>().Value.DataDirectory;
            return new SqliteDatabase(Path.Combine(dataDirectory, "edge.db")) { Cipher = Privacy.NodeDataKey.Open(dataDirectory) };
        });
        builder.Services.AddSingleton(sp =>
            new EdgeStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IOptions<EdgeOptions>>().Value.NodeId)
            {
                BeforeWrite = sp.GetService<StoreHealthState>() is { } health ? health.ThrowIfWritesRefused : null,
            });
        builder.Services.AddSingleton<BlobStore>();
        builder.Services.AddSingleton<SyncQuarantine>();
        builder.Services.AddSingleton<Audit.EdgeAuditLog>();
        builder.Services.AddSingleton<Audit.AuditPush>();
        builder.Services.AddSingleton<RecordPages>();
        builder.Services.AddSingleton<DossierSearch>();
        builder.Services.AddSingleton<AttachmentService>();
        builder.Services.AddOptions<Attachments.Scans.ScanIntakeOptions>().BindConfiguration(Attachments.Scans.ScanIntakeOptions.Section).ValidateGenerated<Attachments.Scans.ScanIntakeOptions, ScanIntakeOptionsValidator>().ValidateOnStart();
        builder.Services.AddSingleton<Attachments.Scans.ScanOriginals>();
        builder.Services.AddSingleton<Attachments.Scans.OriginalsUpload>();
        builder.Services.AddSingleton<Attachments.Scans.ScanIntake>();
        builder.Services.AddSingleton<AttachmentFetchQueue>();
        builder.Services.AddSingleton<CatalogueService>();
        builder.Services.AddSingleton<NodeHolidayCalendar>();
        builder.Services.AddSingleton<DossierService>();
        builder.Services.AddSingleton<DossierCorrector>();
        // One instance: storage recovery opens and seeds the swapped-in store the same way.
        builder.Services.AddSingleton<EdgeStoreStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EdgeStoreStartup>());
        return builder;
    }

    public static WebApplicationBuilder AddSyncAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateGenerated<SyncOptions, SyncOptionsValidator>().ValidateOnStart();
        builder.Services.AddOptions<RepairOptions>().BindConfiguration(RepairOptions.Section).ValidateGenerated<RepairOptions, RepairOptionsValidator>().ValidateOnStart();
        builder.Services.AddSingleton<SyncStatus>();
        builder.Services.AddOptions<Attachments.AttachmentFetchOptions>().BindConfiguration(Attachments.AttachmentFetchOptions.Section).ValidateGenerated<Attachments.AttachmentFetchOptions, AttachmentFetchOptionsValidator>().ValidateOnStart();
        builder.Services.AddSingleton<Attachments.AttachmentFetcher>();
        builder.Services.AddSingleton<SyncAgent>();
        builder.Services.AddHostedServiceAfterDeskStarted<SyncAgent>();
        return builder;
    }
}

/// <summary>Opens the store and seeds the sample catalogue before the host serves its first request.</summary>
public sealed class EdgeStoreStartup(EdgeStore store, IOptions<EdgeOptions> options, TimeProvider time, ILogger<EdgeStoreStartup> logger, StoreHealthState? health = null) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await OpenAndSeedAsync(cancellationToken);
        }
        catch (Exception ex) when (StoreFailures.Classify(ex) is { } problem && health is not null)
        {
            // A damaged or full store must not keep the node from starting: reads that still work are served,
            // and every page says what is wrong and what to do.
            health.Noticed(problem, ex.Message, time.GetUtcNow());
            logger.LogCritical(ex, "The store could not be opened normally ({Problem}); the node starts so that it can say so.", problem);
        }
    }

    /// <summary>Opens the store on its file and seeds the catalogue; also after a recovery swapped a salvaged file in.</summary>
    public async Task OpenAndSeedAsync(CancellationToken cancellationToken)
    {
        await store.InitialiseAsync(time, cancellationToken);
        if (await store.SealExistingAsync(cancellationToken) is > 0 and var sealedRows)
        {
            logger.LogWarning("Sealed {Rows} rows of personal data written in clear by an earlier build.", sealedRows);
        }

        if (await store.BindIncarnationAsync(MachineIdentity.Read(options.Value.MachineIdentityFile), time, cancellationToken) is { } note)
        {
            logger.LogWarning("Started a new change-log incarnation {Incarnation}: {Reason}.", store.Incarnation, note.Reason);
        }
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
