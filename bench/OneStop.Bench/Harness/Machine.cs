using System.Runtime.InteropServices;

namespace OneStop.Bench.Harness;

/// <summary>Facts about the machine a result was measured on, written into every result file.</summary>
internal sealed record Machine(int Cores, string Cpu, string Os, string Runtime)
{
    public static Machine Current { get; } = new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    public string Short => $"{Cores} cores, {Cpu}";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
