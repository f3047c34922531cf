using System.Security.Cryptography;

namespace OneStop.Hardware.CardReader.Icao;

/// <summary>
/// Terminal side of an eMRTD read over any APDU channel: select the application, BAC, then SELECT and READ BINARY
/// under secure messaging (ICAO 9303-11 §4.3, appendix D). One instance per card session.
/// </summary>
public sealed class EmrtdReader
{
    /// <summary>
    /// Bytes per READ BINARY. 0xDF keeps the protected answer (DO'87' of 224 bytes + DO'99' + DO'8E' + SW = 244)
    /// inside one PN532 normal frame, so no extended frames or chaining are needed for reads.
    /// </summary>
    public const int DefaultReadLength = 0xDF;

    private readonly IApduChannel _channel;
    private readonly Action<Span<byte>> _random;
    private readonly int _readLength;

    public EmrtdReader(IApduChannel channel, Action<Span<byte>>? random = null, int readLength = DefaultReadLength)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentOutOfRangeException.ThrowIfLessThan(readLength, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(readLength, 256);
        _channel = channel;
        _random = random ?? RandomNumberGenerator.Fill;
        _readLength = readLength;
    }

    /// <summary>The secure-messaging session once <see cref="Authenticate"/> succeeded.</summary>
    public SecureMessaging? Session { get; private set; }

    /// <summary>SELECT, BAC, EF.COM, DG1 and (when listed) DG13.</summary>
    public IdCardData ReadIdCard(BacKey key)
    {
        SelectApplication();
        Authenticate(key);
        var com = EfCom.Parse(ReadFile(LdsFiles.Com) ?? throw new CardException(CardFailure.FileMissing, "the card has no EF.COM"));
        var dg1 = ReadFile(LdsFiles.Dg1) ?? throw new CardException(CardFailure.FileMissing, "the card has no DG1 (MRZ)");
        var data = Mrz.Parse(Mrz.FromDg1(dg1)) with { DataGroups = com.DataGroups };
        if (!com.DataGroups.Contains(13) || ReadFile(LdsFiles.Dg13) is not { } dg13)
        {
            return data;
        }

        var details = TryParseDg13(dg13);
        return data with
        {
            Dg13 = dg13,
            VietnameseDetails = details,
            Dg13Texts = details is null ? [] : [.. details.Fields.OrderBy(f => f.Key).SelectMany(f => f.Value)],
        };
    }

    public void SelectApplication()
    {
        var answer = Send(CommandApdu.Select(0x04, 0x0C, LdsFiles.ApplicationId));
        if (!answer.IsSuccess)
        {
            throw new CardException(CardFailure.NotAnIdCard, $"the card has no ICAO travel-document application (SELECT answered {answer.StatusWord:X4}); is it a chip ID card?");
        }
    }

    /// <summary>GET CHALLENGE and EXTERNAL AUTHENTICATE; afterwards every command goes through <see cref="Session"/>.</summary>
    public void Authenticate(BacKey key)
    {
        var challenge = Send(new CommandApdu(0x00, 0x84, 0x00, 0x00, ReadOnlyMemory<byte>.Empty, BacAuthentication.NonceLength));
        if (!challenge.IsSuccess || challenge.Data.Length != BacAuthentication.NonceLength)
        {
            throw new CardException(CardFailure.NotAnIdCard, $"the card gave no BAC challenge (GET CHALLENGE answered {challenge.StatusWord:X4})");
        }

        var terminalNonce = new byte[BacAuthentication.NonceLength];
        _random(terminalNonce);
        var terminalKey = new byte[BacAuthentication.KeyShareLength];
        _random(terminalKey);
        var run = new BacChallenge(challenge.Data, terminalNonce, terminalKey);
        var keys = BacKeys.FromMrz(key);
        var answer = Send(new CommandApdu(0x00, 0x82, 0x00, 0x00, BacAuthentication.TerminalCryptogram(keys, run), BacAuthentication.CryptogramLength));
        if (!answer.IsSuccess)
        {
            throw new CardException(CardFailure.AccessDenied, "access denied: the card did not accept the MRZ key; check the document number, date of birth and date of expiry");
        }

        Session = BacAuthentication.CompleteTerminal(keys, run, answer.Data.Span);
    }

    /// <summary>Reads a whole elementary file, learning its length from the TLV header; null when the card has no such file.</summary>
    public byte[]? ReadFile(ushort fileId)
    {
        var select = Send(CommandApdu.Select(0x02, 0x0C, [(byte)(fileId >> 8), (byte)fileId]));
        if (select.StatusWord == StatusWords.FileNotFound)
        {
            return null;
        }

        if (!select.IsSuccess)
        {
            throw new CardException(select.StatusWord == StatusWords.SecurityStatusNotSatisfied ? CardFailure.AccessDenied : CardFailure.ProtocolError, $"SELECT {fileId:X4} answered {select.StatusWord:X4}");
        }

        var file = new List<byte>(ReadBinary(0, 4));
        if (!BerTlv.TryReadHeader(file.ToArray(), out _, out var headerLength, out var valueLength))
        {
            throw new CardException(CardFailure.ProtocolError, $"file {fileId:X4} does not start with a TLV header");
        }

        var total = headerLength + valueLength;
        if (total > 0x7FFF)
        {
            throw new CardException(CardFailure.ProtocolError, $"file {fileId:X4} is {total} bytes; offsets above 32767 need READ BINARY with odd INS, which this reader does not use");
        }

        while (file.Count < total)
        {
            var chunk = ReadBinary(file.Count, Math.Min(_readLength, total - file.Count));
            if (chunk.Length == 0)
            {
                throw new CardException(CardFailure.ProtocolError, $"file {fileId:X4} ended at {file.Count} of {total} bytes");
            }

            file.AddRange(chunk);
        }

        return [.. file.Take(total)];
    }

    private byte[] ReadBinary(int offset, int length)
    {
        var answer = Send(CommandApdu.ReadBinary(offset, length));
        return answer.IsSuccess
            ? answer.Data.ToArray()
            : throw new CardException(CardFailure.ProtocolError, $"READ BINARY at {offset} answered {answer.StatusWord:X4}");
    }

    private ResponseApdu Send(CommandApdu command)
    {
        if (Session is null)
        {
            return ResponseApdu.Parse(_channel.Transmit(command.ToBytes()));
        }

        var response = _channel.Transmit(Session.ProtectCommand(command));
        return Session.UnprotectResponse(response);
    }

    private static VietnameseIdDetails? TryParseDg13(byte[] dg13)
    {
        try
        {
            return VietnameseDg13.Parse(dg13);
        }
        catch (InvalidDataException)
        {
            // Unknown layout: the raw bytes in IdCardData.Dg13 still reach the caller.
            return null;
        }
    }
}
