namespace OneStop.Simulation.Tests;

/// <summary>Field values as the stores take them (raw JSON).</summary>
internal static class Values
{
    public static Dictionary<string, string?> Of(params (string Field, string? Json)[] values) =>
        values.ToDictionary(pair => pair.Field, pair => pair.Json, StringComparer.Ordinal);

    public static Dictionary<string, string?> NewDossier(string name) =>
        Of(("status", "\"received\""), ("applicant_name", name), ("procedure_code", "\"1.001\""));
}
