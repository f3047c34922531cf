using OneStop.Bench.Harness;
using OneStop.LinkEmulator;

namespace OneStop.Bench.Scenarios;

/// <summary>
/// Scenario 5: round trips of a sync with nothing to send, counted as round duration ÷ RTT over a link
/// with a long delay and no rate limit (so only round trips cost time). Cold: the first round after start,
/// on a new TCP connection. Warm: later rounds on the open connection. The node closes its connection across an idle
/// pause longer than <c>Sync:KeepConnectionSeconds</c> (60 s, to save the link's keep-alives), and here rounds are asked
/// for by hand with a half-hour interval, so the connection is kept for the warm rounds: in the field they are the rounds
/// of the first idle minutes (15 s, 30 s apart), before the pause grows past the keep window.
/// </summary>
internal static class RoundTrips
{
    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var runs = command.Int("runs", 3);
        var rtt = TimeSpan.FromMilliseconds(command.Int("rtt-ms", 500));
        var profile = new LinkProfile("RTT-only", LinkProfile.Unlimited, LinkProfile.Unlimited, rtt, TimeSpan.Zero);
        var template = await Templates.GetAsync(0);
        var cold = new List<double>();
        var warm = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await using var rig = SyncRig.FromTemplate(template.Folder);
            await rig.StartHubAsync();
            var proxy = rig.StartProxy(profile);
            await rig.StartEdgeAsync(rig.ViaProxy, new Dictionary<string, string> { ["Sync:IntervalSeconds"] = "1800", ["Sync:KeepConnectionSeconds"] = "3600" });
            await rig.WaitForAsync(s => s.GetProperty("rounds").GetInt32() >= 1, TimeSpan.FromMinutes(2));
            cold.Add(Measure.Seconds(rig.Time, proxy.Stats.FirstActivityTimestamp, proxy.Stats.LastDeliveryTimestamp) / rtt.TotalSeconds);
            for (var round = 2; round <= 4; round++)
            {
                proxy.Stats.Reset();
                using var response = await rig.Http.PostAsync(rig.EdgeApi("/api/sync"), null);
                var expected = round;
                await rig.WaitForAsync(s => s.GetProperty("rounds").GetInt32() >= expected, TimeSpan.FromMinutes(2));
                warm.Add(Measure.Seconds(rig.Time, proxy.Stats.FirstActivityTimestamp, proxy.Stats.LastDeliveryTimestamp) / rtt.TotalSeconds);
            }

            Console.WriteLine($"  run {i + 1}: cold {cold[^1]:0.00} RTT, warm {string.Join(", ", warm.TakeLast(3).Select(w => w.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} RTT");
        }

        var coldMedian = Measure.Median(cold);
        var warmMedian = Measure.Median(warm);
        var figures = new List<Figure>
        {
            new("round trips, idle sync, cold connection", Measure.Round(coldMedian, 2), "RTT", "≤ 3", 1, Measure.Round(coldMedian, 2), coldMedian <= 3.2, [.. cold.Select(v => Measure.Round(v, 2))]),
            new("round trips, idle sync, warm connection", Measure.Round(warmMedian, 2), "RTT", "≤ 1", 1, Measure.Round(warmMedian, 2), warmMedian <= 1.2, [.. warm.Select(v => Measure.Round(v, 2))]),
        };
        return new ScenarioResult("round-trips", command.Text, TimeProvider.System.GetUtcNow(), Machine.Current, runs,
            $"link with {rtt.TotalMilliseconds:0} ms RTT and no rate limit; duration from the client's first byte (cold: its connect) to the last byte delivered to it, ÷ RTT; 'met' allows 0.2 RTT for processing",
            figures,
            ["the emulator charges a TCP connect one RTT before the client's first byte can leave, as SYN / SYN-ACK would"]);
    }
}
