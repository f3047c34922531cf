using System.Globalization;
using OneStop.Hardware.Health;

namespace OneStop.Edge.StoreHealth;

public enum StoreIntegrity
{
    /// <summary>Not checked yet, or the check did not finish in its time.</summary>
    Unknown,
    Ok,
    Corrupt,
}

public enum StoreSpace
{
    Unknown,
    Ok,
    Low,
    Full,
}

/// <param name="Integrity">What the last check (or a failed read or write) found.</param>
/// <param name="IntegrityDetail">The checker's first findings, or what failed.</param>
/// <param name="QuickCheckAt">When the quick check at start ran.</param>
/// <param name="QuickCheckMs">How long it took.</param>
/// <param name="FullCheckAt">When the last full integrity check ran.</param>
/// <param name="FullCheckMs">How long it took.</param>
/// <param name="FreeBytes">Free space for the node on the data folder's file system.</param>
/// <param name="TotalBytes">Size of that file system.</param>
/// <param name="Space">Free space against the thresholds, or Full after a write was refused for lack of space.</param>
/// <param name="SpaceRefusedAt">When a write last failed for lack of space (cleared by the next write that commits).</param>
/// <param name="WrittenBytesPerDay">Bytes the data folder's block device took per day since boot (kernel statistics).</param>
/// <param name="BlockDevice">That device, as the kernel names it.</param>
/// <param name="StoreBytes">Size of the database file and its WAL.</param>
/// <param name="RecoveredAt">When the store was last rebuilt from a damaged file.</param>
/// <param name="DamagedCopy">Where that damaged file was kept.</param>
public sealed record StoreHealthSnapshot(
    StoreIntegrity Integrity,
    string? IntegrityDetail,
    DateTimeOffset? QuickCheckAt,
    long? QuickCheckMs,
    DateTimeOffset? FullCheckAt,
    long? FullCheckMs,
    long? FreeBytes,
    long? TotalBytes,
    StoreSpace Space,
    DateTimeOffset? SpaceRefusedAt,
    long? WrittenBytesPerDay,
    string? BlockDevice,
    long? StoreBytes,
    DateTimeOffset? RecoveredAt,
    string? DamagedCopy)
{
    public static readonly StoreHealthSnapshot Initial = new(StoreIntegrity.Unknown, null, null, null, null, null, null, null, StoreSpace.Unknown, null, null, null, null, null, null);

    /// <summary>The space level the desk shows: a refused write says "full" whatever the last reading was.</summary>
    public StoreSpace EffectiveSpace => SpaceRefusedAt is not null ? StoreSpace.Full : Space;
}

/// <summary>
/// The node's storage health: written by the checks, the space monitor and every door that sees a
/// storage failure; read by the write gate, the desk's banner, the status API and (as a device) the hub.
/// </summary>
public sealed class StoreHealthState
{
    public const string DeviceId = "edge-store";
    public const string Kind = "storage";

    private readonly Lock _gate = new();
    private StoreHealthSnapshot _snapshot = StoreHealthSnapshot.Initial;

    public StoreHealthSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _snapshot;
            }
        }
    }

    public void Update(Func<StoreHealthSnapshot, StoreHealthSnapshot> change)
    {
        lock (_gate)
        {
            _snapshot = change(_snapshot);
        }
    }

    /// <summary>Notes a failure a door saw; corruption found in use counts as much as corruption found by a check.</summary>
    public void Noticed(StoreProblem problem, string detail, DateTimeOffset at) => Update(s => problem == StoreProblem.Corrupt
        ? s with { Integrity = StoreIntegrity.Corrupt, IntegrityDetail = s.Integrity == StoreIntegrity.Corrupt ? s.IntegrityDetail : detail }
        : s with { SpaceRefusedAt = at });

    /// <summary>
    /// Refuses a write while the database is known to be damaged: a write into a broken b-tree can spread the
    /// damage, and the clerk would believe it saved. A full disk is not refused up front: SQLite itself says
    /// so, and a write goes through again as soon as space is freed.
    /// </summary>
    public void ThrowIfWritesRefused()
    {
        var current = Current;
        if (current.Integrity == StoreIntegrity.Corrupt)
        {
            throw new StoreUnavailableException(StoreProblem.Corrupt, "The node's database is damaged; writes are refused until it is recovered: " + current.IntegrityDetail);
        }
    }

    /// <summary>The store as one device of the node, the way the hub's fleet view shows every device.</summary>
    public DeviceHealth ToDeviceHealth()
    {
        var s = Current;
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["integrity"] = s.Integrity.ToString().ToLowerInvariant(),
            ["space"] = s.EffectiveSpace.ToString().ToLowerInvariant(),
        };
        Add(details, "free_bytes", s.FreeBytes);
        Add(details, "total_bytes", s.TotalBytes);
        Add(details, "store_bytes", s.StoreBytes);
        Add(details, "written_bytes_per_day", s.WrittenBytesPerDay);
        Add(details, "quick_check_ms", s.QuickCheckMs);
        Add(details, "full_check_ms", s.FullCheckMs);
        if (s.FreeBytes is { } free && s.TotalBytes is > 0 and var total)
        {
            details["free_percent"] = (100.0 * free / total).ToString("0.0", CultureInfo.InvariantCulture);
        }

        if (s.FullCheckAt is { } full)
        {
            details["full_check_at"] = full.ToString("O", CultureInfo.InvariantCulture);
        }

        if (s.BlockDevice is { } device)
        {
            details["block_device"] = device;
        }

        if (s.RecoveredAt is { } recovered)
        {
            details["recovered_at"] = recovered.ToString("O", CultureInfo.InvariantCulture);
        }

        var error = s.Integrity == StoreIntegrity.Corrupt
            ? "database damaged: " + s.IntegrityDetail
            : s.EffectiveSpace == StoreSpace.Full ? "disk full" : null;
        return new DeviceHealth(DeviceId, Kind, s.Integrity != StoreIntegrity.Corrupt, error, s.QuickCheckAt, details);
    }

    private static void Add(Dictionary<string, string> details, string key, long? value)
    {
        if (value is { } v)
        {
            details[key] = v.ToString(CultureInfo.InvariantCulture);
        }
    }
}
