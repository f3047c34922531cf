namespace OneStop.HubConsole.Ports;

/// <summary>Every change made through the console, with who and when, newest first.</summary>
public interface IConsoleAudit
{
    Task<IReadOnlyList<AuditEntry>> ListAsync(int max, CancellationToken cancellationToken);
}

public sealed record AuditEntry(long AtMs, string Actor, string Action, string Target, string? Detail);
