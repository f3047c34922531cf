namespace OneStop.Bench.Harness;

/// <summary>
/// One reported number: the median of its runs, the target it is held to, and, for times over a link,
/// the physical lower bound and the ratio the target applies to.
/// </summary>
/// <param name="Name">What is measured, e.g. "backlog drain L1".</param>
/// <param name="Value">Median over runs, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit of the value and the bound.</param>
/// <param name="Target">The target as text, e.g. "≤ 1.5 × LB".</param>
/// <param name="LowerBound">Physical lower bound in the same unit as <paramref name="Value"/>, when one applies.</param>
/// <param name="Ratio">The number the target is about (value ÷ LB, or a ratio figure itself).</param>
/// <param name="Met">Whether the target holds.</param>
/// <param name="Runs">Every run's value, so the spread is visible.</param>
/// <param name="Detail">Supporting numbers (bytes, counts) behind the figure.</param>
internal sealed record Figure(
    string Name,
    double Value,
    string Unit,
    string Target,
    double? LowerBound,
    double? Ratio,
    bool Met,
    IReadOnlyList<double> Runs,
    IReadOnlyDictionary<string, double>? Detail = null);
