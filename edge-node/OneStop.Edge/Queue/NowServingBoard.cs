namespace OneStop.Edge.Queue;

/// <summary>
/// The number at the counter, for the character display: the device monitor redraws the LCD every few seconds and
/// must keep showing it. One gate for calls, so two clerks pressing "next" together do not call the same ticket.
/// </summary>
public sealed class NowServingBoard : IDisposable
{
    private volatile string? _label;

    public SemaphoreSlim CallGate { get; } = new(1, 1);

    /// <summary>Three digits as called; null before the first call since the node started.</summary>
    public string? Label => _label;

    public void Show(string? label) => _label = label;

    public void Dispose() => CallGate.Dispose();
}
