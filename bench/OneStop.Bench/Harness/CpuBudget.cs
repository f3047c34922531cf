using System.Globalization;

namespace OneStop.Bench.Harness;

/// <summary>
/// A cgroup (v1 cpu controller, as these machines mount it) that holds the processes started in it to a share of
/// one core: half a core is the stand-in for a Raspberry Pi 4 (see /work/shared/notes/cpu-budget.md). A short
/// period (10 ms), so a request arriving after the quota is spent waits at most a few milliseconds and the p99
/// measures the program, not the throttle. Needs root.
/// </summary>
internal sealed class CpuBudget : IDisposable
{
    private const string Controller = "/sys/fs/cgroup/cpu";

    private CpuBudget(string folder, double cores)
    {
        Folder = folder;
        Cores = cores;
    }

    public string Folder { get; }

    public double Cores { get; }

    public static CpuBudget Create(double cores, int periodMicroseconds = 10_000)
    {
        if (!Directory.Exists(Controller))
        {
            throw new InvalidOperationException($"{Controller} is missing: this bench needs the cgroup v1 cpu controller (and root).");
        }

        var folder = Path.Combine(Controller, $"onestop-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "cpu.cfs_period_us"), periodMicroseconds.ToString(CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(folder, "cpu.cfs_quota_us"), ((int)(periodMicroseconds * cores)).ToString(CultureInfo.InvariantCulture));
        return new CpuBudget(folder, cores);
    }

    /// <summary>Periods in which the group ran out of quota and was held back: shows the budget bit.</summary>
    public long ThrottledPeriods() =>
        File.ReadLines(Path.Combine(Folder, "cpu.stat"))
            .Select(l => l.Split(' '))
            .Where(p => p[0] == "nr_throttled")
            .Select(p => long.Parse(p[1], CultureInfo.InvariantCulture))
            .FirstOrDefault();

    /// <summary>
    /// CPU seconds a process has used (user + system, /proc/&lt;pid&gt;/stat): what its work cost, whatever else the
    /// machine was running. Divided by the budget's cores it is the time the work needs when the budget is all its own.
    /// </summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) start at "state"; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder);
        }
        catch (IOException)
        {
            // A process still in the group (killed a moment ago): the empty folder goes with the next reboot.
        }
    }
}
