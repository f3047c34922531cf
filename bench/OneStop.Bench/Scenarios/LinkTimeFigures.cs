using OneStop.Bench.Harness;
using OneStop.LinkEmulator;

namespace OneStop.Bench.Scenarios;

/// <summary>Runs one template over several profiles and turns the runs into "time ÷ LB" figures.</summary>
internal static class LinkTimeFigures
{
    public static async Task<List<Figure>> RunAsync(
        string what,
        Func<LinkProfile, Task<Template>> template,
        IEnumerable<LinkProfile> profiles,
        Func<LinkProfile, double> target,
        int runs,
        IReadOnlyDictionary<string, string>? edgeSettings = null)
    {
        var figures = new List<Figure>();
        foreach (var profile in profiles)
        {
            var prepared = await template(profile);
            var measured = new List<SyncMeasurement>();
            for (var i = 0; i < runs; i++)
            {
                var m = await SyncRun.MeasureAsync(prepared, profile, edgeSettings: edgeSettings);
                measured.Add(m);
                Console.WriteLine($"  {profile.Name} run {i + 1}: {m.Seconds:0.0} s, LB {m.LowerBoundSeconds:0.0} s, ratio {m.Ratio:0.00}, up {m.BytesUp} B, down {m.BytesDown} B, connections {m.Connections}");
                Console.WriteLine($"    {m.Uplink}");
            }

            var ratio = Measure.Median(measured.Select(m => m.Ratio));
            var limit = target(profile);
            figures.Add(new Figure(
                $"{what} on {profile.Name}",
                Measure.Round(Measure.Median(measured.Select(m => m.Seconds)), 1),
                "s",
                $"≤ {limit} × LB",
                Measure.Round(Measure.Median(measured.Select(m => m.LowerBoundSeconds)), 1),
                Measure.Round(ratio, 2),
                ratio <= limit,
                [.. measured.Select(m => Measure.Round(m.Ratio, 2))],
                new Dictionary<string, double>
                {
                    ["bytesUp"] = Measure.Median(measured.Select(m => (double)m.BytesUp)),
                    ["bytesDown"] = Measure.Median(measured.Select(m => (double)m.BytesDown)),
                    ["connections"] = Measure.Median(measured.Select(m => (double)m.Connections)),
                    ["dossiers"] = prepared.Dossiers,
                    ["attachments"] = prepared.Attachments,
                }));
        }

        return figures;
    }

    /// <summary>Edge settings from --batch-entries / --batch-bytes, to compare batch sizes without a rebuild.</summary>
    public static Dictionary<string, string> EdgeSettings(CommandLine command)
    {
        var settings = new Dictionary<string, string>();
        if (command.Int("batch-entries", 0) is > 0 and var entries)
        {
            settings["Sync:MaxBatchEntries"] = entries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (command.Int("batch-bytes", 0) is > 0 and var bytes)
        {
            settings["Sync:MaxBatchBytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // --in-flight 1 measures stop-and-wait pushes against the default pipeline in the same build.
        if (command.Int("in-flight", 0) is > 0 and var inFlight)
        {
            settings["Sync:MaxPushesInFlight"] = inFlight.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }

    public static IEnumerable<LinkProfile> Profiles(CommandLine command) =>
        command.String("profiles", "L1,L2,L3").Split(',').Select(LinkProfiles.Get);
}
