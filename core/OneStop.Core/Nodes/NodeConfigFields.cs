using OneStop.Core.Changes;

namespace OneStop.Core.Nodes;

/// <summary>
/// A node's settings as one <see cref="RecordTypes.NodeConfig"/> record (docs/node-settings.md): written at the
/// node's setup page or at the province console, merged per field like any record. Values are plain JSON strings,
/// except <see cref="SyncIntervalSeconds"/> (a JSON number) and <see cref="SetupCompletedAt"/> (an ISO 8601 string).
/// </summary>
public static class NodeConfigFields
{
    /// <summary>Five-digit 2025 commune code.</summary>
    public const string CommuneCode = "commune_code";

    /// <summary>The commune's name as the 2025 list writes it ("Xã Sa Pa").</summary>
    public const string CommuneName = "commune_name";

    /// <summary>The office's name on slips ("Bộ phận Một cửa — UBND xã Sa Pa").</summary>
    public const string OfficeName = "office_name";

    /// <summary>Absolute http(s) address residents' phones reach: the slip QR, status and feedback links start with it.</summary>
    public const string PublicAddress = "public_address";

    /// <summary>Six-digit NAPAS BIN of the commune's bank, for VietQR.</summary>
    public const string BankBin = "bank_bin";

    public const string BankAccount = "bank_account";

    public const string BankAccountName = "bank_account_name";

    /// <summary>Receipt paper: one of <see cref="PrinterProfiles"/>.</summary>
    public const string PrinterProfile = "printer_profile";

    /// <summary>Absolute http(s) address of the province hub.</summary>
    public const string HubAddress = "hub_address";

    public const string SyncIntervalSeconds = "sync_interval_seconds";

    /// <summary>When the commune admin finished the first-run setup; absent until then.</summary>
    public const string SetupCompletedAt = "setup_completed_at";

    public static readonly IReadOnlyList<string> PrinterProfiles = ["58mm", "80mm"];

    /// <summary>The roll width a <see cref="PrinterProfile"/> value names, or null for anything else.</summary>
    public static int? PaperWidthMillimetres(string? printerProfile) => printerProfile switch
    {
        "58mm" => 58,
        "80mm" => 80,
        _ => null,
    };

    /// <summary>Every field of the record, in the order the settings page shows them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        CommuneCode, CommuneName, OfficeName, PublicAddress, BankBin, BankAccount, BankAccountName,
        PrinterProfile, HubAddress, SyncIntervalSeconds, SetupCompletedAt,
    ];

    /// <summary>One record per node, the same id wherever it is made (node or console), so both edit one record.</summary>
    public static Guid RecordId(string nodeId) => NameBasedIds.For($"onestop:node_config:{nodeId}");
}
