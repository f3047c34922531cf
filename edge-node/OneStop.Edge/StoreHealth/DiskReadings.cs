using System.Globalization;

namespace OneStop.Edge.StoreHealth;

/// <param name="Device">Kernel name of the block device (or partition) holding the data folder.</param>
/// <param name="BytesWritten">Bytes written to it since boot.</param>
/// <param name="BytesPerDay">Those bytes spread over the days since boot.</param>
public sealed record WearReading(string Device, long BytesWritten, long BytesPerDay);

/// <summary>
/// Free space and writes of the disk under the data folder. An SD card wears out by the bytes written to
/// it; the kernel counts them per block device (/proc/diskstats, 512-byte sectors), which is what the
/// province needs to replace a card before it dies. A folder on tmpfs or overlay has no block device:
/// then there is no wear reading, only free space.
/// </summary>
public static class DiskReadings
{
    private const int SectorBytes = 512;

    public static (long Free, long Total)? FreeSpace(string directory)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(directory));
            return (drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    public static WearReading? Wear(string directory)
    {
        try
        {
            if (!File.Exists("/proc/self/mountinfo") || !File.Exists("/proc/diskstats") || !File.Exists("/proc/uptime"))
            {
                return null;
            }

            var device = DeviceOf(File.ReadAllText("/proc/self/mountinfo"), Path.GetFullPath(directory));
            if (device is null)
            {
                return null;
            }

            var written = SectorsWritten(File.ReadAllText("/proc/diskstats"), device.Value.Major, device.Value.Minor);
            var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
            return written is { } w && uptime > 0
                ? new WearReading(w.Name, w.Sectors * SectorBytes, (long)(w.Sectors * SectorBytes / (uptime / 86_400)))
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The major:minor of the file system holding <paramref name="path"/>: its longest mount point prefix in mountinfo.</summary>
    public static (int Major, int Minor)? DeviceOf(string mountinfo, string path)
    {
        (int, int)? best = null;
        var bestLength = -1;
        foreach (var line in mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // id parent major:minor root mount-point options ...
            var parts = line.Split(' ');
            if (parts.Length < 5)
            {
                continue;
            }

            var mountPoint = parts[4].Replace("\\040", " ", StringComparison.Ordinal);
            var under = path == mountPoint || mountPoint == "/" || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (!under || mountPoint.Length < bestLength)
            {
                continue;
            }

            var numbers = parts[2].Split(':');
            best = (int.Parse(numbers[0], CultureInfo.InvariantCulture), int.Parse(numbers[1], CultureInfo.InvariantCulture));
            bestLength = mountPoint.Length;
        }

        return best;
    }

    /// <summary>Sectors written to a device since boot: the 10th column of its /proc/diskstats line.</summary>
    public static (string Name, long Sectors)? SectorsWritten(string diskstats, int major, int minor)
    {
        foreach (var line in diskstats.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 10
                && int.Parse(parts[0], CultureInfo.InvariantCulture) == major
                && int.Parse(parts[1], CultureInfo.InvariantCulture) == minor)
            {
                return (parts[2], long.Parse(parts[9], CultureInfo.InvariantCulture));
            }
        }

        return null;
    }
}
