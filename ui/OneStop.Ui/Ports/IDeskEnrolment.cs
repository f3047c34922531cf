namespace OneStop.Ui.Ports;

/// <summary>What the node holds from its enrolment, for the desk's /enrol page.</summary>
public sealed record DeskEnrolmentStatus(bool Enrolled, string? NodeId, string? CommuneCode, long? NotAfterMs, string? HubUrl, string ConfiguredCommune)
{
    /// <summary>The node certificate's subject (its distinguished name), when enrolled.</summary>
    public string? CertificateSubject { get; init; }
}

/// <summary>An enrolment that worked, and whether the service must restart to sync with it.</summary>
public sealed record DeskEnrolmentOutcome(string NodeId, string CommuneCode, long NotAfterMs, bool RestartNeeded);

/// <summary>Enrols the node with a token from the province (commune admin only, checked on the server).</summary>
public interface IDeskEnrolment
{
    Task<DeskEnrolmentStatus> StatusAsync(CancellationToken cancellationToken);

    /// <summary>Throws InvalidOperationException with words for the person (both languages) when refused or unreachable.</summary>
    Task<DeskEnrolmentOutcome> EnrolAsync(string hubUrl, string token, CancellationToken cancellationToken);
}
