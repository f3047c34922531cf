using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OneStop.Hardware.CardReader.Icao;

/// <summary>
/// 3DES secure messaging after BAC (ICAO 9303-11 §9.8): data in DO'87', Le in DO'97', status in DO'99', and a
/// retail MAC in DO'8E' over the send sequence counter and those objects. The counter is incremented before every
/// command and every response, on both sides. Terminal and chip methods live together so the simulated chip
/// runs exactly the code the reader relies on.
/// </summary>
public sealed class SecureMessaging
{
    private const byte SecureMessagingClass = 0x0C;
    private const byte PaddingIndicator = 0x01;
    private const int TagData = 0x87;
    private const int TagExpectedLength = 0x97;
    private const int TagStatus = 0x99;
    private const int TagMac = 0x8E;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _macKey;

    public SecureMessaging(ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> macKey, ulong sendSequenceCounter)
    {
        _encryptionKey = encryptionKey.ToArray();
        _macKey = macKey.ToArray();
        SendSequenceCounter = sendSequenceCounter;
    }

    public ReadOnlyMemory<byte> EncryptionKey => _encryptionKey;

    public ReadOnlyMemory<byte> MacKey => _macKey;

    public ulong SendSequenceCounter { get; private set; }

    /// <summary>Terminal side: wraps a plain command; the result always ends with Le = 00.</summary>
    public byte[] ProtectCommand(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);
        SendSequenceCounter++;
        byte[] header = [(byte)(command.Cla | SecureMessagingClass), command.Ins, command.P1, command.P2];
        var dataObject = command.Data.IsEmpty ? [] : EncryptedDataObject(command.Data.Span);
        byte[] expectedLength = command.ExpectedLength is { } le ? [TagExpectedLength, 0x01, (byte)(le == 256 ? 0 : le)] : [];
        var mac = Mac([.. Iso9797.Pad(header), .. dataObject, .. expectedLength]);
        byte[] body = [.. dataObject, .. expectedLength, TagMac, (byte)mac.Length, .. mac];
        return new CommandApdu(header[0], command.Ins, command.P1, command.P2, body, 256).ToBytes();
    }

    /// <summary>
    /// Terminal side: checks the MAC and decrypts. A bare error status without objects is passed through (chips answer
    /// some errors unprotected), but a bare success is refused: it could come from anything between reader and chip.
    /// </summary>
    public ResponseApdu UnprotectResponse(ReadOnlySpan<byte> response)
    {
        SendSequenceCounter++;
        var apdu = ResponseApdu.Parse(response);
        if (apdu.Data.IsEmpty)
        {
            return apdu.IsSuccess
                ? throw new CardException(CardFailure.ProtocolError, "the card answered without secure messaging")
                : apdu;
        }

        var objects = BerTlv.Parse(apdu.Data);
        var mac = objects.FirstOrDefault(o => o.Tag == TagMac);
        if (mac.Value.Length != 8)
        {
            throw new CardException(CardFailure.ProtocolError, "the card's answer carries no MAC");
        }

        var covered = objects.Where(o => o.Tag != TagMac).SelectMany(o => o.Encoded.ToArray()).ToArray();
        Verify(covered, mac.Value.Span);
        var data = objects.FirstOrDefault(o => o.Tag == TagData);
        var status = objects.FirstOrDefault(o => o.Tag == TagStatus);
        var statusWord = status.Value.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(status.Value.Span) : apdu.StatusWord;
        return new ResponseApdu(data.Value.IsEmpty ? ReadOnlyMemory<byte>.Empty : Decrypt(data.Value.Span), statusWord);
    }

    /// <summary>Chip side: checks and unwraps a protected command.</summary>
    public CommandApdu UnprotectCommand(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);
        SendSequenceCounter++;
        var objects = BerTlv.Parse(command.Data);
        var mac = objects.FirstOrDefault(o => o.Tag == TagMac);
        if (mac.Value.Length != 8)
        {
            throw new CardException(CardFailure.ProtocolError, "protected command without MAC");
        }

        var data = objects.FirstOrDefault(o => o.Tag == TagData);
        var expectedLength = objects.FirstOrDefault(o => o.Tag == TagExpectedLength);
        byte[] header = [command.Cla, command.Ins, command.P1, command.P2];
        Verify([.. Iso9797.Pad(header), .. data.Encoded.Span, .. expectedLength.Encoded.Span], mac.Value.Span);
        int? le = expectedLength.Value.Length == 1 ? (expectedLength.Value.Span[0] == 0 ? 256 : expectedLength.Value.Span[0]) : null;
        var plain = data.Value.IsEmpty ? ReadOnlyMemory<byte>.Empty : Decrypt(data.Value.Span);
        return new CommandApdu((byte)(command.Cla & ~SecureMessagingClass), command.Ins, command.P1, command.P2, plain, le);
    }

    /// <summary>Chip side: wraps a plain response as DO'87' (if data) ‖ DO'99' ‖ DO'8E' ‖ SW.</summary>
    public byte[] ProtectResponse(ResponseApdu response)
    {
        ArgumentNullException.ThrowIfNull(response);
        SendSequenceCounter++;
        var dataObject = response.Data.IsEmpty ? [] : EncryptedDataObject(response.Data.Span);
        byte[] status = [TagStatus, 0x02, (byte)(response.StatusWord >> 8), (byte)response.StatusWord];
        var mac = Mac([.. dataObject, .. status]);
        return [.. dataObject, .. status, TagMac, (byte)mac.Length, .. mac, status[2], status[3]];
    }

    private byte[] EncryptedDataObject(ReadOnlySpan<byte> plain) =>
        BerTlv.Encode(TagData, [PaddingIndicator, .. TripleDesCbc.Encrypt(_encryptionKey, Iso9797.Pad(plain))]);

    private byte[] Decrypt(ReadOnlySpan<byte> dataObjectValue)
    {
        if (dataObjectValue.IsEmpty || dataObjectValue[0] != PaddingIndicator)
        {
            throw new CardException(CardFailure.ProtocolError, "DO'87' without the ISO 9797-1 padding indicator");
        }

        return Iso9797.Unpad(TripleDesCbc.Decrypt(_encryptionKey, dataObjectValue[1..]));
    }

    private byte[] Mac(ReadOnlySpan<byte> message)
    {
        var input = new byte[8 + message.Length];
        BinaryPrimitives.WriteUInt64BigEndian(input, SendSequenceCounter);
        message.CopyTo(input.AsSpan(8));
        return Iso9797.RetailMac(_macKey, input);
    }

    private void Verify(ReadOnlySpan<byte> covered, ReadOnlySpan<byte> mac)
    {
        if (!CryptographicOperations.FixedTimeEquals(Mac(covered), mac))
        {
            throw new CardException(CardFailure.ProtocolError, "secure-messaging MAC mismatch (session out of step or data altered)");
        }
    }
}
