using System.ComponentModel.DataAnnotations;

namespace OneStop.Edge;

/// <summary>Identity and storage of this node (section "Edge").</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>Default data folder, relative to the working directory: "data/edge".</summary>
    public const string DefaultDataDirectory = "data/edge";

    [Required]
    public string NodeId { get; set; } = "node-demo";

    /// <summary>The commune (2025 five-digit code) this node serves; it writes only this scope.</summary>
    [Required]
    [RegularExpression(@"^\d{5}$")]
    public string CommuneCode { get; set; } = "03006";

    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>
    /// A file whose text names this machine, read instead of the hardware (tests, or a board without a serial);
    /// empty: the board serial, the DMI product UUID, else /etc/machine-id (see <see cref="Store.MachineIdentity"/>).
    /// </summary>
    public string MachineIdentityFile { get; set; } = string.Empty;

    /// <summary>Key for scripts calling the HTTP API (header X-OneStop-Api-Key); empty: only signed-in staff may call it.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Default largest attachment: 20 MiB, the hub's own default limit.</summary>
    public const long DefaultMaxAttachmentBytes = 20L * 1024 * 1024;

    [Range(1, long.MaxValue)]
    public long MaxAttachmentBytes { get; set; } = DefaultMaxAttachmentBytes;

    /// <summary>Catalogue file seeded at first start so the node works before it ever reaches the hub.</summary>
    public string CatalogueFile { get; set; } = Path.Combine(AppContext.BaseDirectory, "data", "procedures.json");
}
