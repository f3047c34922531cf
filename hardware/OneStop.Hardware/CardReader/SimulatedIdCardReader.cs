using OneStop.Hardware.CardReader.Icao;
using OneStop.Hardware.CardReader.Simulation;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.CardReader;

/// <summary>
/// A reader with a card slot the device page can fill. Each read runs the real BAC and secure messaging against a
/// <see cref="SimulatedEmrtdChip"/> built from the card, so a wrong MRZ key fails exactly where a real chip refuses it.
/// </summary>
public sealed class SimulatedIdCardReader : IIdCardReader
{
    private readonly Lock _gate = new();
    private readonly HealthTracker _health;
    private SimulatedIdCard? _card;

    public SimulatedIdCardReader(string deviceId, TimeProvider time)
    {
        DeviceId = deviceId;
        _health = new HealthTracker(deviceId, DeviceKinds.CardReader, time);
        _health.SetDetail("driver", "simulator");
        _health.SetDetail("card", "none");
        _health.Succeeded();
    }

    public string DeviceId { get; }

    /// <summary>Raised after a card is put on the reader, outside the reader's lock (a handler may read it at once).</summary>
    public event EventHandler? CardInserted;

    public SimulatedIdCard? Card
    {
        get
        {
            lock (_gate)
            {
                return _card;
            }
        }
    }

    public void InsertCard(SimulatedIdCard card)
    {
        lock (_gate)
        {
            _card = card;
            _health.SetDetail("card", "present");
        }

        CardInserted?.Invoke(this, EventArgs.Empty);
    }

    public void RemoveCard()
    {
        lock (_gate)
        {
            _card = null;
            _health.SetDetail("card", "none");
        }
    }

    public DeviceResult<IdCardData> ReadCard(BacKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_card is null)
            {
                return DeviceResult<IdCardData>.Fail("no card on the reader");
            }

            var card = _card;
            return CardReadGuard.Run(_health, () => new EmrtdReader(SimulatedEmrtdChip.For(card)).ReadIdCard(key));
        }
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();
}
