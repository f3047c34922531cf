using OneStop.Hardware.Health;

namespace OneStop.Hardware.CardReader;

/// <summary>A reader with a card slot the device page can fill; a wrong MRZ key fails as BAC would.</summary>
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
            return DeviceGuard.Run(_health, () => card.Key == key ? card.Data : throw new DeviceFaultException("access denied: MRZ key does not match the card"));
        }
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();
}
