namespace OneStop.Bench.Harness;

/// <summary>What one scenario command writes to bench/results/&lt;scenario&gt;-&lt;timestamp&gt;.json.</summary>
internal sealed record ScenarioResult(
    string Scenario,
    string Command,
    DateTimeOffset Timestamp,
    Machine Machine,
    int RunsPerFigure,
    string Scale,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<string> Notes);
