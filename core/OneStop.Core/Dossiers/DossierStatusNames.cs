namespace OneStop.Core.Dossiers;

/// <summary>Stable text names for statuses as stored and synced; enum member names may change, these may not.</summary>
public static class DossierStatusNames
{
    private static readonly Dictionary<DossierStatus, string> Names = new()
    {
        [DossierStatus.Draft] = "draft",
        [DossierStatus.Received] = "received",
        [DossierStatus.Processing] = "processing",
        [DossierStatus.SupplementRequested] = "supplement_requested",
        [DossierStatus.Approved] = "approved",
        [DossierStatus.Rejected] = "rejected",
        [DossierStatus.ResultReturned] = "result_returned",
        [DossierStatus.Withdrawn] = "withdrawn",
    };

    private static readonly Dictionary<string, DossierStatus> ByName =
        Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string ToName(this DossierStatus status) => Names[status];

    public static bool TryParse(string? name, out DossierStatus status) =>
        ByName.TryGetValue(name ?? string.Empty, out status);
}
