using OneStop.Hardware.CardReader.Icao;
using OneStop.Hardware.CardReader.Nfc;
using OneStop.Hardware.Health;

namespace OneStop.Hardware.CardReader;

/// <summary>
/// The ID-card reader on a PN532: wakes it on first use (and after any link fault), polls type A then type B,
/// and runs BAC + secure messaging over InDataExchange. Card problems come back as failed results with the
/// reason; the serial link is only reopened after reader faults.
/// </summary>
public sealed class Pn532IdCardReader : IIdCardReader, IDisposable
{
    /// <summary>Each InListPassiveTarget polls this many extra times before answering "no card".</summary>
    public const byte PassiveActivationRetries = 2;

    private static readonly Pn532Modulation[] DefaultModulations = [Pn532Modulation.TypeA106, Pn532Modulation.TypeB106];

    private readonly DeviceConnection<Pn532> _connection;
    private readonly HealthTracker _health;
    private readonly IReadOnlyList<Pn532Modulation> _modulations;
    private readonly Action<Span<byte>>? _random;

    public Pn532IdCardReader(string deviceId, Func<Pn532> open, TimeProvider time, IReadOnlyList<Pn532Modulation>? modulations = null, Action<Span<byte>>? random = null)
    {
        DeviceId = deviceId;
        _connection = new DeviceConnection<Pn532>(open);
        _health = new HealthTracker(deviceId, DeviceKinds.CardReader, time);
        _health.SetDetail("driver", DriverNames.Pn532);
        _modulations = modulations ?? DefaultModulations;
        _random = random;
    }

    public string DeviceId { get; }

    public DeviceResult<IdCardData> ReadCard(BacKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return CardReadGuard.Run(_health, () => _connection.Use(pn532 => Read(pn532, key)));
    }

    public DeviceHealth ReadHealth() => _health.Snapshot();

    public void Dispose() => _connection.Dispose();

    private static void Release(Pn532 pn532, Pn532Target target)
    {
        try
        {
            pn532.InRelease(target.Number);
        }
        catch (Exception exception) when (exception is CardException || DeviceGuard.IsDeviceFault(exception))
        {
            // The read's own outcome matters more; a dead link shows up on the next command anyway.
        }
    }

    private IdCardData Read(Pn532 pn532, BacKey key)
    {
        if (!pn532.IsAwake)
        {
            pn532.WakeUp();
            _health.SetDetail("firmware", pn532.GetFirmwareVersion().ToString());
            pn532.SetPassiveActivationRetries(PassiveActivationRetries);
        }

        var target = _modulations.Select(pn532.InListPassiveTarget).FirstOrDefault(found => found is not null)
            ?? throw new CardException(CardFailure.NoCard, "no card on the reader");
        try
        {
            if (!target.SupportsApdus)
            {
                throw new CardException(CardFailure.NotAnIdCard, "the card on the reader does not speak ISO 14443-4 (a transit or access card?)");
            }

            return new EmrtdReader(new Pn532ApduChannel(pn532, target.Number), _random).ReadIdCard(key);
        }
        finally
        {
            Release(pn532, target);
        }
    }
}
