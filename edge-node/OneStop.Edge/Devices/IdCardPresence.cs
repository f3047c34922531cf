using OneStop.Hardware;

namespace OneStop.Edge.Devices;

/// <summary>
/// Tells the open intake forms that a card was put on the reader. Only the simulator announces cards: the PN532
/// driver reads on request (the clerk's button), since polling the field would keep the antenna on all day.
/// </summary>
public sealed class IdCardPresence : IDisposable
{
    private readonly DeviceSet _devices;
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _watchers = [];

    public IdCardPresence(DeviceSet devices)
    {
        _devices = devices;
        if (_devices.CardReaderSimulator is { } reader)
        {
            reader.CardInserted += OnInserted;
        }
    }

    public IDisposable Watch(Func<Task> presented)
    {
        lock (_gate)
        {
            _watchers.Add(presented);
        }

        return new Unwatch(this, presented);
    }

    public void Dispose()
    {
        if (_devices.CardReaderSimulator is { } reader)
        {
            reader.CardInserted -= OnInserted;
        }
    }

    private void OnInserted(object? sender, EventArgs e)
    {
        Func<Task>[] watchers;
        lock (_gate)
        {
            watchers = [.. _watchers];
        }

        foreach (var watcher in watchers)
        {
            // Fire and forget: a page's read must not hold up the simulator's caller or the other pages.
            _ = Task.Run(watcher);
        }
    }

    private sealed class Unwatch(IdCardPresence presence, Func<Task> presented) : IDisposable
    {
        public void Dispose()
        {
            lock (presence._gate)
            {
                presence._watchers.Remove(presented);
            }
        }
    }
}
