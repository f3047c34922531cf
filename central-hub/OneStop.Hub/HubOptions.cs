using System.ComponentModel.DataAnnotations;

namespace OneStop.Hub;

/// <summary>The hub's identity, endpoints and limits (section "Hub").</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>Default gRPC port for nodes (h2c on loopback, TLS elsewhere): 5090.</summary>
    public const int DefaultGrpcPort = 5090;

    /// <summary>Default admin HTTP port: 5091.</summary>
    public const int DefaultHttpPort = 5091;

    /// <summary>Default bound on entries per pulled message: 500.</summary>
    public const int DefaultMaxPullEntries = 500;

    /// <summary>Default largest push a node may send in one message: 4 MiB.</summary>
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>Default largest attachment: 20 MiB (a multi-page scan at 300 dpi).</summary>
    public const long DefaultMaxAttachmentBytes = 20L * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = DefaultMaxAttachmentBytes;

    /// <summary>How far ahead of the hub's clock a pushed write may be before it is clamped: 5 minutes (<see cref="Core.Clock.ClockPolicy.DefaultMaxAheadMs"/>).</summary>
    [Range(0, long.MaxValue)]
    public long MaxClockAheadMs { get; set; } = Core.Clock.ClockPolicy.DefaultMaxAheadMs;

    [Required]
    public string HubId { get; set; } = "hub";

    public string DataDirectory { get; set; } = "data/hub";

    /// <summary>The store's engine: "sqlite" (default, hub.db in <see cref="DataDirectory"/>) or "postgres" (<see cref="ConnectionString"/>).</summary>
    [RegularExpression("^(sqlite|postgres)$")]
    public string Store { get; set; } = OneStop.Hub.Store.HubDatabases.Sqlite;

    /// <summary>The PostgreSQL connection string when <see cref="Store"/> is "postgres"; ConnectionStrings:Hub when unset.</summary>
    public string? ConnectionString { get; set; }

    public string ListenAddress { get; set; } = "127.0.0.1";

    [Range(0, 65535)]
    public int GrpcPort { get; set; } = DefaultGrpcPort;

    [Range(0, 65535)]
    public int HttpPort { get; set; } = DefaultHttpPort;

    /// <summary>
    /// The key the admin API asks for (header <see cref="Admin.AdminApiKey.Header"/>). No default: when empty the
    /// hub makes one at first start and writes it to <see cref="Admin.AdminApiKey.FileName"/> in <see cref="DataDirectory"/>.
    /// </summary>
    public string? AdminApiKey { get; set; }

    [Range(1, 100_000)]
    public int MaxPullEntries { get; set; } = DefaultMaxPullEntries;

    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    public string CatalogueFile { get; set; } = Path.Combine(AppContext.BaseDirectory, "data", "procedures.json");

    /// <summary>Nodes allowed to sync, until enrolment and mutual TLS replace the shared keys.</summary>
    public List<NodeRegistration> Nodes { get; set; } = [];
}

public sealed class NodeRegistration
{
    [Required]
    public string Id { get; set; } = string.Empty;

    [Required]
    public string CommuneCode { get; set; } = string.Empty;

    [Required]
    public string Key { get; set; } = string.Empty;
}
