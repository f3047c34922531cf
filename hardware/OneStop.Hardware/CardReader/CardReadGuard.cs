using OneStop.Hardware.Health;

namespace OneStop.Hardware.CardReader;

/// <summary>
/// Like <see cref="DeviceGuard"/>, plus card-level failures: those are shown to the clerk and kept as the last error,
/// but the reader stays connected, and "no card" is not an error at all.
/// </summary>
internal static class CardReadGuard
{
    public static DeviceResult<IdCardData> Run(HealthTracker health, Func<IdCardData> read)
    {
        try
        {
            var data = read();
            health.Succeeded();
            return DeviceResult<IdCardData>.Ok(data);
        }
        catch (CardException exception)
        {
            if (exception.Failure == CardFailure.NoCard)
            {
                health.Succeeded();
            }
            else
            {
                health.Failed(exception.Message, connected: true);
            }

            return DeviceResult<IdCardData>.Fail(exception.Message);
        }
        catch (Exception exception) when (DeviceGuard.IsDeviceFault(exception))
        {
            health.Failed(exception.Message);
            return DeviceResult<IdCardData>.Fail(exception.Message);
        }
    }
}
