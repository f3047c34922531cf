namespace OneStop.Hardware.CardReader.Simulation;

/// <summary>One-shot misbehaviour of <see cref="SimulatedPn532"/> for the next command.</summary>
public enum SimulatedPn532Fault
{
    None,

    /// <summary>The command is lost: no ACK, no answer.</summary>
    NoAck,

    /// <summary>ACK, then silence.</summary>
    NoResponse,

    /// <summary>ACK, then the application-level error frame.</summary>
    ErrorFrame,

    /// <summary>ACK, then the answer with a wrong checksum; a NACK from the host gets a clean copy.</summary>
    CorruptResponse,
}
