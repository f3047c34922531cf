using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OneStop.Hardware;
using OneStop.Ui;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Ui;

/// <summary>Registrations of the intake UI on the edge host: the shared UI plus this node's adapters for its ports.</summary>
public static class EdgeUiExtensions
{
    public static WebApplicationBuilder AddEdgeUi(this WebApplicationBuilder builder)
    {
        // The UI's stylesheet and the Blazor script are static web assets; outside Development the host only
        // finds them through the build's manifest when it is told to look (a published node has them in wwwroot).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddOptions<EdgeUiOptions>().BindConfiguration(EdgeUiOptions.Section).ValidateGenerated<EdgeUiOptions, EdgeUiOptionsValidator>().ValidateOnStart();
        builder.Services.AddDeskUi();
        // Keys beside the data, so a restart (or a power cut) does not sign everyone out.
        builder.Services.AddDataProtection()
            .SetApplicationName("OneStop.Edge")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(
                builder.Configuration[$"{EdgeOptions.Section}:{nameof(EdgeOptions.DataDirectory)}"] ?? EdgeOptions.DefaultDataDirectory,
                "keys")));
        builder.Services.AddSingleton<InitialAdminPassword>();
        builder.Services.AddSingleton<CatalogueOptionLists>();
        builder.Services.AddSingleton<IDeskAccounts, EdgeDeskAccounts>();
        builder.Services.AddSingleton<DeskLockoutStore>();
        builder.Services.AddSingleton<EdgeDeskSignIn>();
        builder.Services.AddSingleton<IDeskSignIn>(sp => sp.GetRequiredService<EdgeDeskSignIn>());
        builder.Services.AddSingleton<ISyncBarSource, EdgeSyncBarSource>();
        builder.Services.AddScoped<IIntakeDesk, EdgeIntakeDesk>();
        builder.Services.AddScoped<IDeskDossierSearch, EdgeDeskDossierSearch>();
        builder.Services.AddScoped<IDeskDossierEdits, EdgeDeskDossierEdits>();
        builder.Services.AddScoped<IDeskDevices, EdgeDeskDevices>();
        builder.Services.AddScoped<IDeskAttachments, EdgeDeskAttachments>();
        builder.Services.AddSingleton<OneStop.Edge.DigitalResults.ResultService>();
        builder.Services.AddScoped<IDeskResults, EdgeDeskResults>();
        builder.Services.AddSingleton<NodeSigningKey>();
        builder.Services.AddSingleton<ISlipSeals, EdgeSlipSeals>();
        builder.Services.AddSingleton<IQueueKiosk, EdgeQueueKiosk>();
        builder.Services.AddSingleton<OneStop.Edge.Queue.NowServingBoard>();
        builder.Services.AddScoped<IQueueDesk, EdgeQueueDesk>();
        builder.Services.AddSingleton<IResidentFeedback, EdgeResidentFeedback>();
        builder.Services.AddScoped<IDeskFeedback, EdgeDeskFeedback>();
        builder.Services.AddScoped<IDeskConflicts, EdgeDeskConflicts>();
        builder.Services.AddScoped<IDeskStorage, EdgeDeskStorage>();
        builder.Services.AddScoped<IDeskReports, EdgeDeskReports>();
        builder.Services.AddSingleton<ScanInbox>();
        builder.Services.AddSingleton<Devices.IdCardPresence>();
        builder.Services.AddScoped<IDeskIdCard, EdgeDeskIdCard>();
        builder.Services.AddSingleton<Nodes.EdgeNodeSettings>();
        builder.Services.AddSingleton<Devices.PrinterPaper>();
        builder.Services.AddSingleton<OneStop.Edge.Sync.ISyncTargetSource, Nodes.NodeSettingsSyncTarget>();
        builder.Services.AddSingleton<Payments.EdgePublishedBankAccount>();
        builder.Services.AddSingleton<Accounts.EdgeStaffAccountWriter>();
        builder.Services.AddScoped<IDeskNodeSettings, EdgeDeskNodeSettings>();
        builder.Services.AddScoped<IDeskStaffAccounts, EdgeDeskStaffAccounts>();
        // The device set belongs to the host's device services; until they register it, the UI brings its own
        // (simulators unless section "Hardware" says otherwise). TryAdd keeps a single set either way.
        builder.Services.AddOptions<HardwareOptions>().BindConfiguration("Hardware");
        builder.Services.TryAddSingleton(sp => DeviceSet.Create(sp.GetRequiredService<IOptions<HardwareOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    public static WebApplication MapEdgeUi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EdgeUiOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.AdminPasswordHash))
        {
            // Made (and logged) at start, so the installer can read it before anyone tries to sign in.
            _ = app.Services.GetRequiredService<InitialAdminPassword>().Read();
        }

        // The signing key is made at first start, not at the first slip, so its public half can be published at once.
        var signing = app.Services.GetRequiredService<NodeSigningKey>();
        // Listening from the start, so a code scanned before anyone opens a form is still there.
        _ = app.Services.GetRequiredService<ScanInbox>();
        _ = signing.PublicKeySpki;
        // Public on purpose, outside the API's key check: anyone may verify a slip offline with it.
        app.MapGet("/api/node-key", (ISlipSeals seals) => Results.Ok(new
        {
            nodeId = seals.PublicKey.NodeId,
            algorithm = "ECDSA P-256, SHA-256, IEEE P1363 signature",
            format = "base64url(canonical claim) . base64url(signature); claim lines: OSS1, dossier id, commune, yyyyMMdd, node id",
            fingerprint = seals.PublicKey.Fingerprint,
            pem = seals.PublicKey.Pem,
        }));
        app.MapDeskUi();
        return app;
    }
}
