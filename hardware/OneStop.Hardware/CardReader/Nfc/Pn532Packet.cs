namespace OneStop.Hardware.CardReader.Nfc;

/// <summary>One frame taken off the wire. <see cref="Payload"/> is the data after TFI (command code first) for information frames.</summary>
public readonly record struct Pn532Packet(Pn532PacketKind Kind, byte FrameIdentifier, byte[] Payload);
