namespace OneStop.Hardware.CardReader.Icao;

/// <summary>
/// One BAC run from the terminal's side (ICAO 9303-11 §4.3.3): the chip's challenge RND.IC and the terminal's
/// nonce RND.IFD and key share K.IFD. Fixed values reproduce the appendix D worked example; real reads use random ones.
/// </summary>
public sealed record BacChallenge(ReadOnlyMemory<byte> ChipNonce, ReadOnlyMemory<byte> TerminalNonce, ReadOnlyMemory<byte> TerminalKey);
