namespace OneStop.Hardware.CardReader;

/// <summary>Reads the chip of a CCCD / eMRTD with Basic Access Control, keyed from the MRZ printed on the card.</summary>
public interface IIdCardReader : IDevice
{
    DeviceResult<IdCardData> ReadCard(BacKey key);
}
