namespace OneStop.Ui.Ports;

/// <summary>The clerk's call screen: call the next waiting number, call the current one again, or pass over a no-show.</summary>
public interface IQueueDesk
{
    Task<QueueBoard> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Calls the lowest waiting number; the board says who is served now (unchanged when nobody waits).</summary>
    Task<QueueBoard> CallNextAsync(CancellationToken cancellationToken = default);

    /// <summary>Calls the current number again (the resident did not hear it).</summary>
    Task<QueueBoard> RecallAsync(CancellationToken cancellationToken = default);

    /// <summary>Marks the current number as not there and calls the next.</summary>
    Task<QueueBoard> SkipAsync(CancellationToken cancellationToken = default);
}
