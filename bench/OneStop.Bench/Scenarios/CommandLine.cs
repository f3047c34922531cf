using System.Globalization;

namespace OneStop.Bench;

/// <summary>--name value options after the scenario name.</summary>
internal sealed class CommandLine(string[] args)
{
    public string Text { get; } = "dotnet run -c Release --project bench/OneStop.Bench -- " + string.Join(' ', args);

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => Get(name) ?? fallback;

    private string? Get(string name)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
