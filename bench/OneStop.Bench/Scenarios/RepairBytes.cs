using System.Text.Json;
using OneStop.Bench.Harness;
using OneStop.LinkEmulator;

namespace OneStop.Bench.Scenarios;

/// <summary>
/// Issue 22: the bytes a repair (anti-entropy) costs between a node and the hub that already hold the same commune,
/// counted by the link emulator. A repair runs after a sync round, so the figure is (round + repair) minus an idle
/// round alone, each the median of several on the same warm connection.
/// </summary>
internal static class RepairBytes
{
    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var runs = command.Int("runs", 3);
        var dossiers = command.Int("dossiers", 1_000);
        var profile = LinkProfiles.Get(command.String("link", "L1"));
        var template = await Templates.GetAsync(dossiers);
        var idle = new List<double>();
        var withRepair = new List<double>();
        var up = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await using var rig = SyncRig.FromTemplate(template.Folder);
            await rig.StartHubAsync();
            var proxy = rig.StartProxy(profile);
            await rig.StartEdgeAsync(rig.ViaProxy, new Dictionary<string, string> { ["Sync:IntervalSeconds"] = "3600" });

            // The first round drains the backlog; the node has never repaired, so a repair follows it.
            var status = await rig.WaitForAsync(s => SyncRig.Drained(s) && RepairAt(s) is not null, TimeSpan.FromMinutes(5));
            for (var k = 0; k < 3; k++)
            {
                proxy.Stats.Reset();
                var rounds = status.GetProperty("rounds").GetInt32();
                using (await rig.Http.PostAsync(rig.EdgeApi("/api/sync"), null))
                {
                    status = await rig.WaitForAsync(s => s.GetProperty("rounds").GetInt32() > rounds, TimeSpan.FromMinutes(2));
                }

                idle.Add(proxy.Stats.BytesUp + proxy.Stats.BytesDown);

                proxy.Stats.Reset();
                var before = RepairAt(status);
                using (await rig.Http.PostAsync(rig.EdgeApi("/api/sync/repair"), null))
                {
                    status = await rig.WaitForAsync(s => RepairAt(s) != before && s.GetProperty("rounds").GetInt32() > rounds + 1, TimeSpan.FromMinutes(2));
                }

                var resync = status.GetProperty("resync");
                if (resync.GetProperty("repairSent").GetInt64() != 0 || resync.GetProperty("repairFetched").GetInt64() != 0)
                {
                    throw new InvalidOperationException($"the commune was not in sync: {resync}");
                }

                withRepair.Add(proxy.Stats.BytesUp + proxy.Stats.BytesDown);
                up.Add(proxy.Stats.BytesUp);
            }

            Console.WriteLine($"  run {i + 1}: idle round {idle[^1]:0} B, round + repair {withRepair[^1]:0} B");
        }

        var repair = Measure.Median(withRepair) - Measure.Median(idle);
        var figures = new List<Figure>
        {
            new($"repair of an in-sync commune ({dossiers:N0} dossiers) on {profile.Name}", Measure.Round(repair, 0), "bytes", "≤ 500 (a few hundred)", null, null, repair <= 500, [.. withRepair.Zip(idle, (r, d) => r - d)],
                new Dictionary<string, double>
                {
                    ["idleRoundBytesMedian"] = Measure.Median(idle),
                    ["roundPlusRepairBytesMedian"] = Measure.Median(withRepair),
                    ["roundPlusRepairBytesUpMedian"] = Measure.Median(up),
                }),
        };
        return new ScenarioResult("repair-bytes", command.Text, TimeProvider.System.GetUtcNow(), Machine.Current, runs * 3,
            $"{dossiers} dossiers drained from the template, then 3 idle rounds and 3 rounds with a requested repair per run on {profile.Name}; bytes both directions as the link emulator carried them",
            figures,
            ["a repair of an in-sync commune is one Digest call: the node's summary of the whole commune (count + 64-bit hash) up, an empty answer down",
             "repair bytes = median(round + repair) - median(idle round), on the same warm HTTP/2 connection (headers compressed by HPACK)"]);
    }

    private static long? RepairAt(JsonElement status) =>
        status.TryGetProperty("resync", out var resync) && resync.GetProperty("repairAtMs").ValueKind == JsonValueKind.Number
            ? resync.GetProperty("repairAtMs").GetInt64()
            : null;
}
