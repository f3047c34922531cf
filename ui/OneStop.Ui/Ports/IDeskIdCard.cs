using OneStop.Core.Identity;

namespace OneStop.Ui.Ports;

/// <summary>The chip of the ID card on the desk's reader, as the intake form uses it; role checks are the host's.</summary>
public interface IDeskIdCard
{
    /// <summary>
    /// Reads the card on the reader. Without a typed key the host opens the chip with the key of the CCCD QR
    /// scanned last (the same card's front).
    /// </summary>
    /// <param name="key">The number and dates the clerk typed from the card, or null.</param>
    /// <param name="cancellationToken">Cancels the wait, not a read already under way.</param>
    Task<DeskIdCardRead> ReadAsync(CccdChipKey? key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls back when a card is put on the reader, so an open form can read it without a click. Dispose to stop.
    /// </summary>
    /// <param name="presented">Runs off the page's thread (the page marshals it).</param>
    IDisposable OnCardPresented(Func<Task> presented);
}

/// <summary>What the chip gave, in the QR's shape so both fill the form alike; or why not.</summary>
/// <param name="Card">The holder's details, or null when the read failed.</param>
/// <param name="Failure">Why the read failed; null when it worked.</param>
public sealed record DeskIdCardRead(CccdQrData? Card, DeskIdCardFailure? Failure)
{
    public static DeskIdCardRead Failed(DeskIdCardFailure failure) => new(null, failure);
}

public enum DeskIdCardFailure
{
    /// <summary>No key: neither a CCCD QR scanned nor number and dates typed.</summary>
    NoKey,
    NoCard,

    /// <summary>The chip refused the key: the QR or the typed dates belong to another card.</summary>
    Refused,

    /// <summary>The chip answered but its data could not be read as a CCCD.</summary>
    Unreadable,

    /// <summary>The reader itself failed (unplugged, link fault).</summary>
    ReaderFault,
}
