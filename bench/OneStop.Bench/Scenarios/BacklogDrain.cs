using OneStop.Bench.Harness;

namespace OneStop.Bench.Scenarios;

/// <summary>Scenario 2: drain a 7-day backlog (1,400 dossiers, no attachments) on L1, L2, L3.</summary>
internal static class BacklogDrain
{
    public static async Task<ScenarioResult> RunAsync(CommandLine command)
    {
        var dossiers = command.Int("dossiers", 1400);
        var runs = command.Int("runs", 3);
        var figures = await LinkTimeFigures.RunAsync(
            $"drain {dossiers:N0} dossiers",
            _ => Templates.GetAsync(dossiers),
            LinkTimeFigures.Profiles(command),
            p => p.Name == "L2" ? 1.15 : 1.2,
            runs,
            LinkTimeFigures.EdgeSettings(command));
        return new ScenarioResult("backlog-drain", command.Text, TimeProvider.System.GetUtcNow(), Machine.Current, runs,
            $"{dossiers:N0} dossiers per run; time from the first connection to the last byte of the round that drained the backlog",
            figures,
            ["LB = up bytes ÷ up rate + down bytes ÷ down rate + 2 RTT (TCP connect, one request answered), bytes as measured on the link"]);
    }
}
