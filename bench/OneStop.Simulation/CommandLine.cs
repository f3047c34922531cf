using System.Globalization;

namespace OneStop.Simulation;

/// <summary>The bench's few options; a small parser keeps the project free of CLI packages.</summary>
public static class CommandLine
{
    public static (int Seeds, int First, SimulationOptions Options, int Workers)? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["--seeds"] = 100,
            ["--first"] = 0,
            ["--replicas"] = 5,
            ["--steps"] = new SimulationOptions().Steps,
            ["--workers"] = Environment.ProcessorCount,
        };
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Count
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            values[args[i]] = value;
        }

        if (values["--seeds"] < 1 || values["--replicas"] < 1 || values["--workers"] < 1)
        {
            return null;
        }

        var options = new SimulationOptions { Replicas = values["--replicas"], Steps = values["--steps"] };
        return (values["--seeds"], values["--first"], options, values["--workers"]);
    }
}
