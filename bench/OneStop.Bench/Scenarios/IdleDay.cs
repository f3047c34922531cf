using System.Globalization;
using OneStop.Bench.Harness;
using OneStop.LinkEmulator;

namespace OneStop.Bench.Scenarios;

/// <summary>
/// Issue 15 item 5: what a node with nothing to send costs on the link in a day, and how soon it notices a link that
/// comes back. The day runs at --speed (100 ×) through the link emulator: every pause of the node's cadence, its repair
/// schedule and how long it keeps an idle connection divided by the speed, so each round costs what it would at full
/// length (a cold connection after a long pause). The wake-up is measured at
/// real time with the node's default cadence, since it is a matter of seconds: the link goes down, a clerk saves a
/// dossier, the link stays down for a while and comes back; the time from its return to an empty backlog.
/// </summary>
internal static class IdleDay
{
    // The node's defaults (SyncOptions, RepairOptions; the bench does not reference the edge assembly).
    private const int IntervalSeconds = 15;
    private const int IdleMaxIntervalSeconds = 1800;
    private const double RepairIntervalMinutes = 60;
    private const double KeepConnectionSeconds = 60;

    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var speed = command.Int("speed", 100);
        var hours = command.Int("hours", 24);
        var outages = command.Int("outages", 3);
        var profile = LinkProfiles.Get(command.String("profile", "L1"));
        var template = await Templates.GetAsync(0);
        var time = TimeProvider.System;
        await using var rig = SyncRig.FromTemplate(template.Folder);
        await rig.StartHubAsync();
        var proxy = rig.StartProxy(profile);

        // Phase 1: the day, cadence divided by the speed (the interval's 15 s cannot go below the setting's 1 s: a few
        // more rounds than real at the start of the backoff, so the figure errs high).
        await rig.StartEdgeAsync(rig.ViaProxy, new Dictionary<string, string>
        {
            ["Sync:IntervalSeconds"] = Scaled(IntervalSeconds, speed, minimum: 1),
            ["Sync:IdleMaxIntervalSeconds"] = Scaled(IdleMaxIntervalSeconds, speed, minimum: 1),
            ["Sync:OfflineRetrySeconds"] = "1",
            ["Sync:BreakSeconds"] = "1",
            ["Sync:KeepConnectionSeconds"] = (KeepConnectionSeconds / speed).ToString(CultureInfo.InvariantCulture),
            ["Sync:Repair:IntervalMinutes"] = (RepairIntervalMinutes / (double)speed).ToString(CultureInfo.InvariantCulture),
        });
        await rig.WaitForAsync(s => s.GetProperty("rounds").GetInt32() >= 1, TimeSpan.FromMinutes(2));
        var roundsBefore = (await rig.StatusAsync()).GetProperty("rounds").GetInt32();
        proxy.Stats.Reset();
        var day = TimeSpan.FromHours(hours) / speed;
        Console.WriteLine($"  idle {hours} h at {speed} ×: {day.TotalSeconds:0} s on {profile.Name}");
        await Task.Delay(day, time);
        var status = await rig.StatusAsync();
        var rounds = status.GetProperty("rounds").GetInt32() - roundsBefore;
        var dayBytes = (proxy.Stats.BytesUp + proxy.Stats.BytesDown) * 24.0 / hours;
        var connections = proxy.Stats.Connections;
        Console.WriteLine($"  {rounds} rounds, {connections} connections, up {proxy.Stats.BytesUp} B, down {proxy.Stats.BytesDown} B → {dayBytes:0} B a day");
        await rig.StopEdgeAsync();

        // Phase 2: wake-up at real time, default cadence.
        var wakeUps = new List<double>();
        var factory = new DossierFactory();
        var random = new Random(15);
        await rig.StartEdgeAsync(rig.ViaProxy, new Dictionary<string, string>
        {
            ["Sync:IntervalSeconds"] = IntervalSeconds.ToString(CultureInfo.InvariantCulture),
            ["Sync:IdleMaxIntervalSeconds"] = IdleMaxIntervalSeconds.ToString(CultureInfo.InvariantCulture),
        });
        await rig.WaitForAsync(s => s.GetProperty("rounds").GetInt32() >= 1, TimeSpan.FromMinutes(2));
        for (var i = 0; i < outages; i++)
        {
            proxy.SetUp(false);
            await EdgeRequests.SaveAsync(rig, factory, 1, time);
            await rig.WaitForAsync(s => s.GetProperty("link").GetString() == "offline", TimeSpan.FromMinutes(2));
            // Down long enough for the breaker to open, back at a random phase of the node's retry cycle.
            await Task.Delay(TimeSpan.FromSeconds(20 + (random.NextDouble() * 20)), time);
            proxy.SetUp(true);
            var back = time.GetTimestamp();
            await rig.WaitForAsync(s => s.GetProperty("backlog").GetInt64() == 0 && s.GetProperty("link").GetString() == "online", TimeSpan.FromMinutes(2));
            wakeUps.Add(time.GetElapsedTime(back).TotalSeconds);
            Console.WriteLine($"  outage {i + 1}: link back → backlog sent in {wakeUps[^1]:0.0} s");
        }

        var wake = Measure.Median(wakeUps);
        var worst = wakeUps.Count == 0 ? 0 : wakeUps.Max();
        var figures = new List<Figure>
        {
            new($"link bytes a day, idle node (nothing to send), {profile.Name}", Measure.Round(dayBytes / 1000, 1), "KB", "≤ 100", null, null, dayBytes <= 100_000, [Measure.Round(dayBytes / 1000, 1)],
                new Dictionary<string, double> { ["rounds"] = rounds, ["connections"] = connections, ["bytesUp"] = proxy.Stats.BytesUp, ["bytesDown"] = proxy.Stats.BytesDown, ["repairsScheduled"] = hours * 60 / RepairIntervalMinutes, ["speed"] = speed, ["hours"] = hours }),
            new($"returning link noticed (backlog sent), {profile.Name}, median of {wakeUps.Count} outages", Measure.Round(wake, 1), "s", "≤ 15", null, null, worst <= 15, [.. wakeUps.Select(w => Measure.Round(w, 1))],
                new Dictionary<string, double> { ["worst"] = Measure.Round(worst, 1) }),
        };
        return new ScenarioResult("idle-day", command.Text, time.GetUtcNow(), Machine.Current, 1,
            $"{hours} h at {speed} × on {profile.Name}: node cadence, repair schedule and connection keep time divided by {speed}; bytes are TCP payload both ways as the link emulator carried them. Wake-up at real time, default cadence, {outages} outages of 20-40 s",
            figures,
            ["'met' for the wake-up holds the worst outage to 15 s, not the median"]);
    }

    private static string Scaled(double seconds, int speed, int minimum) =>
        Math.Max(minimum, (int)Math.Round(seconds / speed)).ToString(CultureInfo.InvariantCulture);
}
