namespace OneStop.Core.Dossiers;

/// <summary>A status change the state machine does not allow.</summary>
public sealed class TransitionException(DossierStatus from, DossierStatus to)
    : InvalidOperationException($"A dossier cannot move from '{from.ToName()}' to '{to.ToName()}'.")
{
    public DossierStatus From { get; } = from;
    public DossierStatus To { get; } = to;
}
