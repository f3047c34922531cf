namespace OneStop.Core.Dossiers;

/// <summary>Where a dossier stands. The wire and store form is the snake_case name (<see cref="DossierStatusNames"/>).</summary>
public enum DossierStatus
{
    Draft,
    Received,
    Processing,
    SupplementRequested,
    Approved,
    Rejected,
    ResultReturned,
    Withdrawn,
}
