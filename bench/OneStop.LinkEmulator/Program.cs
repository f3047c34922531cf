using System.Globalization;
using System.Net;
using OneStop.LinkEmulator;

// Usage: dotnet run --project bench/OneStop.LinkEmulator -- --listen 6090 --target 127.0.0.1:5090 --profile L1
//        [--cut-max-bytes 1048576] [--outage-scale 60]
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length ? args[p.i + 1] : string.Empty, StringComparer.OrdinalIgnoreCase);
if (!options.TryGetValue("target", out var targetText) || !IPEndPoint.TryParse(targetText, out var target))
{
    Console.Error.WriteLine("usage: --listen PORT --target HOST:PORT --profile L0|L1|L2|L3|loopback [--cut-max-bytes N] [--outage-scale K]");
    return 2;
}

var profile = LinkProfiles.Get(options.GetValueOrDefault("profile", "L2"));
await using var proxy = new LinkProxy(target, profile);
if (options.TryGetValue("cut-max-bytes", out var cutMax))
{
    proxy.Cuts = new RandomOffsetCuts(0, long.Parse(cutMax, CultureInfo.InvariantCulture), seed: 6);
}

proxy.Start(int.Parse(options.GetValueOrDefault("listen", "0"), CultureInfo.InvariantCulture));
if (options.TryGetValue("outage-scale", out var scale))
{
    proxy.Follow(OutageSchedule.FiveUpTwentyDown(double.Parse(scale, CultureInfo.InvariantCulture)));
}

Console.WriteLine($"127.0.0.1:{proxy.Port} -> {target} as {profile}. Ctrl+C to stop.");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
try
{
    while (true)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), stop.Token);
        var s = proxy.Stats;
        Console.WriteLine($"up {s.BytesUp} B, down {s.BytesDown} B, connections {s.Connections}, cuts {s.Cuts}, refused {s.Refused}, link {(proxy.IsUp ? "up" : "down")}");
    }
}
catch (OperationCanceledException)
{
    // Ctrl+C.
}

return 0;
