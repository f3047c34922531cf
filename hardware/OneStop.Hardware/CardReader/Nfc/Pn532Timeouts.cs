namespace OneStop.Hardware.CardReader.Nfc;

/// <summary>How long the host waits on the PN532. Defaults suit 115200 baud HSU with a card a few centimetres away.</summary>
public sealed record Pn532Timeouts
{
    /// <summary>Default 100 ms: the ACK follows a command within about a millisecond on HSU.</summary>
    public TimeSpan Ack { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Default 1 s, for commands that stay inside the PN532.</summary>
    public TimeSpan Response { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Default 3 s, for commands that wait on the card (polling, APDUs).</summary>
    public TimeSpan CardResponse { get; init; } = TimeSpan.FromSeconds(3);

    public static Pn532Timeouts Default { get; } = new();
}
