using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Privacy;

namespace OneStop.Core.Tests.Privacy;

public class PersonalDataCipherTests
{
    private static readonly byte[] Key = SHA256.HashData("test data key"u8);
    private static readonly Guid RecordId = Guid.Parse("0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b");
    private static readonly HlcTimestamp Version = new(1_764_558_000_000, 0, "node-a");

    private readonly PersonalDataCipher _cipher = new(Key);

    [Theory]
    [InlineData("\"Nguyễn Văn Bình\"")]
    [InlineData("\"001095012345\"")]
    [InlineData("{\"street\":\"Bản Mù\",\"no\":12}")]
    [InlineData("\"0912345678\"")]
    public void Seal_PersonalField_StoresNoPlaintextAndOpensToTheSameJson(string json)
    {
        var write = FieldChange.Set("applicant_name", json, Version, HlcTimestamp.Zero);

        var sealedWrite = _cipher.Seal(RecordId, RecordTypes.Dossier, write);

        var envelope = JsonSerializer.Deserialize<string>(sealedWrite.Json!)!;
        Assert.StartsWith(FieldEnvelope.Prefix, envelope, StringComparison.Ordinal);
        Assert.DoesNotContain(json.Trim('"'), sealedWrite.Json!, StringComparison.Ordinal);
        Assert.Equal(write, _cipher.Open(RecordId, sealedWrite));
    }

    [Fact]
    public void Seal_SameValueTwice_GivesDifferentCiphertexts()
    {
        var write = FieldChange.Set("form.id_number", "\"001095012345\"", Version, HlcTimestamp.Zero);

        var first = _cipher.Seal(RecordId, RecordTypes.Dossier, write);
        var second = _cipher.Seal(RecordId, RecordTypes.Dossier, write);

        // Random nonces: ciphertexts are never compared, only opened values.
        Assert.NotEqual(first.Json, second.Json);
        Assert.Equal(_cipher.Open(RecordId, first), _cipher.Open(RecordId, second));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("procedure_code")]
    [InlineData("form.purpose")]
    public void Seal_FieldThatIsNotPersonal_LeavesItAsItIs(string field)
    {
        var write = FieldChange.Set(field, "\"received\"", Version, HlcTimestamp.Zero);

        Assert.Same(write, _cipher.Seal(RecordId, RecordTypes.Dossier, write));
    }

    [Fact]
    public void Seal_FieldASchemaMarksPersonal_IsSealed()
    {
        var cipher = new PersonalDataCipher(Key, new HashSet<string>(StringComparer.Ordinal) { "deceased.cause" });
        var write = FieldChange.Set("form.deceased.cause", "\"bệnh\"", Version, HlcTimestamp.Zero);

        Assert.NotEqual(write, cipher.Seal(RecordId, RecordTypes.Dossier, write));
        Assert.Same(write, _cipher.Seal(RecordId, RecordTypes.Dossier, write));
    }

    [Fact]
    public void Open_OneByteOfTheEnvelopeChanged_IsRefused()
    {
        var sealedWrite = _cipher.Seal(RecordId, RecordTypes.Dossier, FieldChange.Set("applicant_name", "\"Lò Văn Sơn\"", Version, HlcTimestamp.Zero));
        var bytes = Convert.FromBase64String(JsonSerializer.Deserialize<string>(sealedWrite.Json!)![FieldEnvelope.Prefix.Length..]);
        bytes[bytes.Length / 2] ^= 0x01;
        var tampered = sealedWrite with { Json = JsonSerializer.Serialize(FieldEnvelope.Prefix + Convert.ToBase64String(bytes)) };

        Assert.Throws<CryptographicException>(() => _cipher.Open(RecordId, tampered));
    }

    [Fact]
    public void Open_ValueMovedToAnotherRecord_IsRefused()
    {
        var sealedWrite = _cipher.Seal(RecordId, RecordTypes.Dossier, FieldChange.Set("form.id_number", "\"001095012345\"", Version, HlcTimestamp.Zero));

        Assert.Throws<CryptographicException>(() => _cipher.Open(Guid.NewGuid(), sealedWrite));
    }

    [Fact]
    public void Open_ValueMovedToAnotherField_IsRefused()
    {
        var sealedWrite = _cipher.Seal(RecordId, RecordTypes.Dossier, FieldChange.Set("form.mother.id_number", "\"001095012345\"", Version, HlcTimestamp.Zero));

        Assert.Throws<CryptographicException>(() => _cipher.Open(RecordId, sealedWrite with { Name = "form.father.id_number" }));
    }

    [Fact]
    public void Open_UnderAnotherNodesKey_IsRefused()
    {
        var sealedWrite = _cipher.Seal(RecordId, RecordTypes.Dossier, FieldChange.Set("applicant_name", "\"Lò Văn Sơn\"", Version, HlcTimestamp.Zero));

        Assert.Throws<CryptographicException>(() => new PersonalDataCipher(SHA256.HashData("another key"u8)).Open(RecordId, sealedWrite));
    }

    [Fact]
    public void Open_PlaintextWrittenBeforeSealing_ReadsAsItIs()
    {
        var legacy = FieldChange.Set("applicant_name", "\"Lò Văn Sơn\"", Version, HlcTimestamp.Zero);

        Assert.Same(legacy, _cipher.Open(RecordId, legacy));
    }

    [Fact]
    public void OpenValues_DocumentWithSealedAndPlainValues_OpensOnlyTheSealedOnes()
    {
        var record = new StoredRecord(RecordId, RecordTypes.Dossier, "03006", new Dictionary<string, FieldChange>
        {
            ["applicant_name"] = FieldChange.Set("applicant_name", "\"Giàng A Páo\"", Version, HlcTimestamp.Zero),
            ["status"] = FieldChange.Set("status", "\"received\"", Version, HlcTimestamp.Zero),
        });
        var sealedRecord = _cipher.Seal(record);

        var opened = _cipher.OpenValues(RecordId, Storage(sealedRecord));

        using var document = JsonDocument.Parse(opened);
        Assert.Equal("Giàng A Páo", document.RootElement.GetProperty("applicant_name").GetString());
        Assert.Equal("received", document.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void SealContent_RoundTripsAndRefusesAnotherName()
    {
        var content = Encoding.UTF8.GetBytes("scan of a birth certificate");
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));

        var stored = _cipher.SealContent(sha, content);

        Assert.True(PersonalDataCipher.IsSealedContent(stored));
        Assert.Equal(-1, stored.AsSpan().IndexOf(content));
        Assert.Equal(content, _cipher.OpenContent(sha, stored));
        Assert.Null(_cipher.OpenContent(new string('0', 64), stored));
        Assert.Null(_cipher.OpenContent(sha, content));
    }

    [Theory]
    [InlineData("Nguyễn Văn Bình", "nguyen van binh")]
    [InlineData("  NGUYỄN   văn-BÌNH ", "nguyen van binh")]
    [InlineData("Đặng Thị Ánh", "dang thi anh")]
    [InlineData("0010 9501 2345", "0010 9501 2345")]
    public void NormaliseForIndex_DiacriticsCaseAndSpacing_DoNotCount(string value, string expected) =>
        Assert.Equal(expected, PersonalDataCipher.NormaliseForIndex(value));

    [Fact]
    public void BlindIndex_EqualAfterNormalising_AndKeyedAndKindBound()
    {
        var index = _cipher.BlindIndex("cccd", "001095012345");

        Assert.Equal(index, _cipher.BlindIndex("cccd", " 001095012345 "));
        Assert.NotEqual(index, _cipher.BlindIndex("cccd", "001095012346"));
        Assert.NotEqual(index, _cipher.BlindIndex("name", "001095012345"));
        Assert.NotEqual(index, new PersonalDataCipher(SHA256.HashData("another key"u8)).BlindIndex("cccd", "001095012345"));
        // Not a bare hash of the number: without the key it cannot be recomputed.
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("001095012345"u8)), index);
    }

    // The live values document as a store writes it: {name: raw JSON}.
    private static string Storage(StoredRecord record)
    {
        var values = record.CurrentFields.ToDictionary(f => f.Name, f => JsonDocument.Parse(f.Json!).RootElement.Clone());
        return JsonSerializer.Serialize(values);
    }
}
