using OneStop.Hardware.CardReader;
using OneStop.Hardware.CardReader.Icao;
using OneStop.Hardware.CardReader.Simulation;
using OneStop.Hardware.Tests.Support;

namespace OneStop.Hardware.Tests.CardReader.Icao;

/// <summary>
/// ICAO Doc 9303 part 11 appendix D.3 (BAC) and D.4 (secure messaging) worked example, document L898902C.
/// The values are the appendix's; several independent open-source eMRTD test suites carry the same ones.
/// </summary>
public class IcaoWorkedExampleTests
{
    private const string ChipNonce = "4608F91988702212";
    private const string TerminalNonce = "781723860C06C226";
    private const string TerminalKey = "0B795240CB7049B01C19B33E32804F0B";
    private const string ChipKey = "0B4F80323EB3191CB04970CB4052790B";
    private const string TerminalCryptogram = "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7";
    private const string ChipCryptogram = "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449";
    private const string SessionEncryptionKey = "979EC13B1CBFE9DCD01AB0FED307EAE5";
    private const string SessionMacKey = "F1CB1F1FB5ADF208806B89DC579DC1F8";
    private const string EfCom = "60145F0104303130365F36063034303030305C026175";

    private static readonly BacKey Key = new("L898902C<", "690806", "940623");

    private static BacChallenge Challenge => new(Convert.FromHexString(ChipNonce), Convert.FromHexString(TerminalNonce), Convert.FromHexString(TerminalKey));

    [Fact]
    public void RetailMac_TerminalCiphertext_MatchesMifd()
    {
        var mac = Iso9797.RetailMac(Convert.FromHexString("7962D9ECE03D1ACD4C76089DCE131543"), Convert.FromHexString(TerminalCryptogram[..64]));

        Assert.Equal("5F1448EEA8AD90A7", Convert.ToHexString(mac));
    }

    [Fact]
    public void Pad_WholeBlock_AddsAFullBlock()
    {
        Assert.Equal("011E800000000000", Convert.ToHexString(Iso9797.Pad([0x01, 0x1E])));
        Assert.Equal(16, Iso9797.Pad(new byte[8]).Length);
    }

    [Fact]
    public void TerminalCryptogram_WorkedExample_MatchesEifdAndMifd()
    {
        var data = BacAuthentication.TerminalCryptogram(BacKeys.FromMrz(Key), Challenge);

        Assert.Equal(TerminalCryptogram, Convert.ToHexString(data));
    }

    [Fact]
    public void Seal_ChipSideOfWorkedExample_MatchesEicAndMic()
    {
        var sealedAnswer = BacAuthentication.Seal(BacKeys.FromMrz(Key), Convert.FromHexString(ChipNonce + TerminalNonce + ChipKey));

        Assert.Equal(ChipCryptogram, Convert.ToHexString(sealedAnswer));
    }

    [Fact]
    public void CompleteTerminal_ChipCryptogram_DerivesSessionKeysAndCounter()
    {
        var session = BacAuthentication.CompleteTerminal(BacKeys.FromMrz(Key), Challenge, Convert.FromHexString(ChipCryptogram));

        Assert.Equal(SessionEncryptionKey, Convert.ToHexString(session.EncryptionKey.Span));
        Assert.Equal(SessionMacKey, Convert.ToHexString(session.MacKey.Span));
        Assert.Equal(0x887022120C06C226UL, session.SendSequenceCounter);
    }

    [Fact]
    public void CompleteTerminal_AnswerForAnotherChallenge_Refused()
    {
        var other = Challenge with { TerminalNonce = Convert.FromHexString("0000000000000000") };

        var error = Assert.Throws<CardException>(() => BacAuthentication.CompleteTerminal(BacKeys.FromMrz(Key), other, Convert.FromHexString(ChipCryptogram)));

        Assert.Equal(CardFailure.ProtocolError, error.Failure);
    }

    [Fact]
    public void SecureMessaging_AppendixD4_ProtectsCommandsAndUnprotectsResponsesByteForByte()
    {
        var session = new SecureMessaging(Convert.FromHexString(SessionEncryptionKey), Convert.FromHexString(SessionMacKey), 0x887022120C06C226);

        var select = session.ProtectCommand(CommandApdu.Select(0x02, 0x0C, [0x01, 0x1E]));
        Assert.Equal("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800", Convert.ToHexString(select));
        Assert.Equal(0x887022120C06C227UL, session.SendSequenceCounter);
        var selected = session.UnprotectResponse(Convert.FromHexString("990290008E08FA855A5D4C50A8ED9000"));
        Assert.Equal(StatusWords.Success, selected.StatusWord);
        Assert.True(selected.Data.IsEmpty);

        var head = session.ProtectCommand(CommandApdu.ReadBinary(0, 4));
        Assert.Equal("0CB000000D9701048E08ED6705417E96BA5500", Convert.ToHexString(head));
        var headData = session.UnprotectResponse(Convert.FromHexString("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"));
        Assert.Equal("60145F01", Convert.ToHexString(headData.Data.Span));

        var rest = session.ProtectCommand(CommandApdu.ReadBinary(4, 0x12));
        Assert.Equal("0CB000040D9701128E082EA28A70F3C7B53500", Convert.ToHexString(rest));
        var restData = session.UnprotectResponse(Convert.FromHexString("871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000"));
        Assert.Equal("04303130365F36063034303030305C026175", Convert.ToHexString(restData.Data.Span));
        Assert.Equal(0x887022120C06C22CUL, session.SendSequenceCounter);
    }

    [Fact]
    public void UnprotectResponse_TamperedMac_Refused()
    {
        var session = new SecureMessaging(Convert.FromHexString(SessionEncryptionKey), Convert.FromHexString(SessionMacKey), 0x887022120C06C227);

        var error = Assert.Throws<CardException>(() => session.UnprotectResponse(Convert.FromHexString("990290008E08FA855A5D4C50A8EE9000")));

        Assert.Contains("MAC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnprotectResponse_PlainSuccess_Refused()
    {
        var session = new SecureMessaging(Convert.FromHexString(SessionEncryptionKey), Convert.FromHexString(SessionMacKey), 0x887022120C06C227);

        Assert.Throws<CardException>(() => session.UnprotectResponse([0x90, 0x00]));
    }

    [Fact]
    public void ReaderAgainstSimulatedChip_WorkedExampleNonces_ReproduceTheWholeAppendixTranscript()
    {
        var chip = new SimulatedEmrtdChip(Key, new Dictionary<ushort, byte[]> { [LdsFiles.Com] = Convert.FromHexString(EfCom) }, new FixedRandom(ChipNonce, ChipKey).Fill);
        var channel = new RecordingApduChannel(chip);
        var reader = new EmrtdReader(channel, new FixedRandom(TerminalNonce, TerminalKey).Fill);

        reader.SelectApplication();
        reader.Authenticate(Key);
        var com = reader.ReadFile(LdsFiles.Com);

        Assert.Equal(EfCom, Convert.ToHexString(com!));
        Assert.Equal(
            [
                ("00A4040C07A0000002471001", "9000"),
                ("0084000008", ChipNonce + "9000"),
                ("0082000028" + TerminalCryptogram + "28", ChipCryptogram + "9000"),
                ("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800", "990290008E08FA855A5D4C50A8ED9000"),
                ("0CB000000D9701048E08ED6705417E96BA5500", "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"),
                ("0CB000040D9701128E082EA28A70F3C7B53500", "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000"),
            ],
            channel.Transcript);
    }
}
