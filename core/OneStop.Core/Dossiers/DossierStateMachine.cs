namespace OneStop.Core.Dossiers;

/// <summary>
/// The dossier life cycle: draft → received → processing ⇄ supplement requested → approved | rejected
/// → result returned; withdrawn from any state before a decision.
/// </summary>
public static class DossierStateMachine
{
    private static readonly Dictionary<DossierStatus, DossierStatus[]> Next = new()
    {
        [DossierStatus.Draft] = [DossierStatus.Received, DossierStatus.Withdrawn],
        [DossierStatus.Received] = [DossierStatus.Processing, DossierStatus.Withdrawn],
        [DossierStatus.Processing] =
            [DossierStatus.SupplementRequested, DossierStatus.Approved, DossierStatus.Rejected, DossierStatus.Withdrawn],
        [DossierStatus.SupplementRequested] = [DossierStatus.Processing, DossierStatus.Withdrawn],
        [DossierStatus.Approved] = [DossierStatus.ResultReturned],
        [DossierStatus.Rejected] = [DossierStatus.ResultReturned],
        [DossierStatus.ResultReturned] = [],
        [DossierStatus.Withdrawn] = [],
    };

    public static IReadOnlyList<DossierStatus> AllowedFrom(DossierStatus from) => Next[from];

    public static bool CanMove(DossierStatus from, DossierStatus to) => Next[from].Contains(to);

    /// <summary>Terminal states end the life cycle: no further transition is allowed.</summary>
    public static bool IsTerminal(DossierStatus status) => Next[status].Length == 0;
}
