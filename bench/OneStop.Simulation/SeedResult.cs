namespace OneStop.Simulation;

/// <summary>What one seed did and found; <see cref="Digest"/> fingerprints the hub's end state to show runs replay.</summary>
public sealed record SeedResult(int Seed, IReadOnlyList<string> Findings, SimulationStats Stats, string Digest, TimeSpan Elapsed)
{
    public bool Diverged => Findings.Count > 0;

    public string Describe(int maxFindings = 20) =>
        $"seed {Seed}: {Findings.Count} finding(s)" + Environment.NewLine
        + string.Join(Environment.NewLine, Findings.Take(maxFindings).Select(finding => "  - " + finding));
}
