namespace OneStop.Hardware.CardReader;

/// <summary>
/// The card refused, went away or answered wrongly. Kept apart from reader faults (timeouts, bad frames) so the
/// serial link is not reopened and the reader stays "connected" when only the card or the MRZ key is at fault.
/// </summary>
public sealed class CardException : Exception
{
    public CardException()
    {
    }

    public CardException(string message)
        : base(message)
    {
    }

    public CardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardException(CardFailure failure, string message)
        : base(message) => Failure = failure;

    public CardFailure Failure { get; } = CardFailure.ProtocolError;
}
