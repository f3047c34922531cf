namespace OneStop.Hardware.CardReader;

/// <summary>Why a card (not the reader) could not be read; the reader itself still works.</summary>
public enum CardFailure
{
    NoCard,
    NotAnIdCard,
    AccessDenied,
    CardNotAnswering,
    FileMissing,
    ProtocolError,
}
