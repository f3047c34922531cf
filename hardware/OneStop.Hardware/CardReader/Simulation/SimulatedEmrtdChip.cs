using System.Security.Cryptography;
using OneStop.Hardware.CardReader.Icao;

namespace OneStop.Hardware.CardReader.Simulation;

/// <summary>
/// The chip's side of BAC and secure messaging over a set of LDS files, so whole reads run without a card.
/// Behaves like the reports on Vietnamese CCCDs: files need BAC (plain SELECT answers 6982), a wrong MRZ key gets 6300,
/// and a secure-messaging error ends the session (6988) until the application is selected again.
/// </summary>
public sealed class SimulatedEmrtdChip : IApduChannel
{
    private readonly BacKeys _keys;
    private readonly IReadOnlyDictionary<ushort, byte[]> _files;
    private readonly Action<Span<byte>> _random;
    private bool _applicationSelected;
    private byte[]? _challenge;
    private SecureMessaging? _session;
    private byte[]? _selectedFile;

    public SimulatedEmrtdChip(BacKey key, IReadOnlyDictionary<ushort, byte[]> files, Action<Span<byte>>? random = null)
    {
        _keys = BacKeys.FromMrz(key);
        _files = files;
        _random = random ?? RandomNumberGenerator.Fill;
    }

    public int CommandCount { get; private set; }

    public static SimulatedEmrtdChip For(SimulatedIdCard card, Action<Span<byte>>? random = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new SimulatedEmrtdChip(card.Key, card.ChipFiles(), random);
    }

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        CommandCount++;
        CommandApdu apdu;
        try
        {
            apdu = CommandApdu.Parse(command);
        }
        catch (InvalidDataException)
        {
            return Status(StatusWords.WrongLength);
        }

        return (apdu.Cla & 0x0C) == 0x0C ? Protected(apdu) : Plain(apdu).ToBytes();
    }

    private static byte[] Status(ushort statusWord) => new ResponseApdu(ReadOnlyMemory<byte>.Empty, statusWord).ToBytes();

    private static ResponseApdu Answer(ushort statusWord, ReadOnlyMemory<byte> data = default) => new(data, statusWord);

    private ResponseApdu Plain(CommandApdu apdu)
    {
        switch (apdu.Ins)
        {
            case 0xA4 when apdu.P1 == 0x04:
                _applicationSelected = apdu.Data.Span.SequenceEqual(LdsFiles.ApplicationId);
                _challenge = null;
                _session = null;
                _selectedFile = null;
                return Answer(_applicationSelected ? StatusWords.Success : StatusWords.FileNotFound);
            case 0x84:
                if (!_applicationSelected)
                {
                    return Answer(StatusWords.ConditionsNotSatisfied);
                }

                if (apdu.ExpectedLength != BacAuthentication.NonceLength)
                {
                    return Answer(StatusWords.WrongLength);
                }

                _challenge = new byte[BacAuthentication.NonceLength];
                _random(_challenge);
                return Answer(StatusWords.Success, _challenge);
            case 0x82:
                return ExternalAuthenticate(apdu);
            case 0xA4 or 0xB0:
                return Answer(StatusWords.SecurityStatusNotSatisfied);
            default:
                return Answer(StatusWords.InstructionNotSupported);
        }
    }

    private ResponseApdu ExternalAuthenticate(CommandApdu apdu)
    {
        var challenge = _challenge;
        _challenge = null;
        if (challenge is null)
        {
            return Answer(StatusWords.ConditionsNotSatisfied);
        }

        var plain = BacAuthentication.Open(_keys, apdu.Data.Span);
        if (plain is null || !plain.AsSpan(BacAuthentication.NonceLength, BacAuthentication.NonceLength).SequenceEqual(challenge))
        {
            return Answer(StatusWords.AuthenticationFailed);
        }

        var terminalNonce = plain[..BacAuthentication.NonceLength];
        var terminalKey = plain[(2 * BacAuthentication.NonceLength)..];
        var chipKey = new byte[BacAuthentication.KeyShareLength];
        _random(chipKey);
        var answer = BacAuthentication.Seal(_keys, [.. challenge, .. terminalNonce, .. chipKey]);
        _session = BacAuthentication.SessionFor(terminalKey, chipKey, challenge, terminalNonce);
        return Answer(StatusWords.Success, answer);
    }

    private byte[] Protected(CommandApdu apdu)
    {
        if (_session is null)
        {
            return Status(StatusWords.SecureMessagingObjectsIncorrect);
        }

        CommandApdu inner;
        try
        {
            inner = _session.UnprotectCommand(apdu);
        }
        catch (Exception exception) when (exception is CardException or InvalidDataException)
        {
            _session = null;
            return Status(StatusWords.SecureMessagingObjectsIncorrect);
        }

        return _session.ProtectResponse(Inner(inner));
    }

    private ResponseApdu Inner(CommandApdu apdu)
    {
        switch (apdu.Ins)
        {
            case 0xA4 when apdu.P1 == 0x02 && apdu.Data.Length == 2:
                var fileId = (ushort)((apdu.Data.Span[0] << 8) | apdu.Data.Span[1]);
                _selectedFile = _files.GetValueOrDefault(fileId);
                return Answer(_selectedFile is null ? StatusWords.FileNotFound : StatusWords.Success);
            case 0xB0:
                if (_selectedFile is null)
                {
                    return Answer(StatusWords.ConditionsNotSatisfied);
                }

                var offset = (apdu.P1 << 8) | apdu.P2;
                if ((apdu.P1 & 0x80) != 0 || offset > _selectedFile.Length)
                {
                    return Answer(StatusWords.WrongParameters);
                }

                var length = Math.Min(apdu.ExpectedLength ?? 256, _selectedFile.Length - offset);
                return Answer(StatusWords.Success, _selectedFile.AsMemory(offset, length));
            default:
                return Answer(StatusWords.InstructionNotSupported);
        }
    }
}
