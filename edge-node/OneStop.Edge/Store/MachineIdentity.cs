namespace OneStop.Edge.Store;

/// <summary>
/// Names the machine a store runs on, so a card moved or cloned to another box is noticed. Hardware first:
/// a Raspberry Pi's board serial, a PC's DMI product UUID (readable by root only on most distributions);
/// else /etc/machine-id, which a cloned card clones too (provisioning must regenerate it, see README).
/// </summary>
public static class MachineIdentity
{
    private static readonly (string Source, string Path)[] Sources =
    [
        ("rpi-serial", "/sys/firmware/devicetree/base/serial-number"),
        ("dmi-uuid", "/sys/class/dmi/id/product_uuid"),
    ];

    /// <summary>The identity, or null when nothing names this machine (then no binding is checked).</summary>
    public static string? Read(string? overrideFile)
    {
        if (!string.IsNullOrEmpty(overrideFile))
        {
            return TryReadText(overrideFile) is { } text ? "file:" + text : null;
        }

        foreach (var (source, path) in Sources)
        {
            if (TryReadText(path) is { } text)
            {
                return source + ":" + text;
            }
        }

        if (CpuInfoSerial() is { } serial)
        {
            return "rpi-serial:" + serial;
        }

        return TryReadText("/etc/machine-id") is { } machineId ? "machine-id:" + machineId : null;
    }

    /// <summary>The "Serial" line of /proc/cpuinfo on a Raspberry Pi (older kernels have no devicetree serial).</summary>
    private static string? CpuInfoSerial()
    {
        var text = TryReadText("/proc/cpuinfo");
        var line = text?.Split('\n').FirstOrDefault(l => l.StartsWith("Serial", StringComparison.Ordinal));
        var value = line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().TrimStart('0');
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? TryReadText(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim('\0', ' ', '\n', '\r', '\t');
            return text.Length == 0 ? null : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
