using System.Security.Cryptography;
using System.Text;
using OneStop.Core.Privacy;

namespace OneStop.Core.Tests.Privacy;

/// <summary>The envelope's bytes, read back with AES-GCM directly rather than through the code that wrote them.</summary>
public class FieldEnvelopeFormatTests
{
    private static readonly byte[] Key = SHA256.HashData("envelope format key"u8);
    private static readonly Guid RecordId = Guid.Parse("0191a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b");

    public static TheoryData<string, string> Values() => new()
    {
        { "applicant_name", "\"Nguyễn Văn Bình\"" },
        { "form.mother.id_number", "\"001095012345\"" },
        { "form." + new string('x', 300) + ".full_name", "\"a field name longer than the stack buffer\"" },
        { "form.note", "\"" + string.Concat(Enumerable.Repeat("Trần Thị Ánh Tuyết, ", 400)) + "\"" },
        { "applicant_name", "\"\"" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Seal_AnyValue_PrefixNonceCiphertextTagUnderRecordIdAndFieldName(string field, string json)
    {
        var envelope = FieldEnvelope.Seal(Key, RecordId, field, json);

        Assert.StartsWith("enc:v1:", envelope, StringComparison.Ordinal);
        var bytes = Convert.FromBase64String(envelope["enc:v1:".Length..]);
        var plain = new byte[bytes.Length - 12 - 16];
        using var aes = new AesGcm(Key, 16);
        aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(12, plain.Length), bytes.AsSpan(12 + plain.Length), plain, Encoding.UTF8.GetBytes(RecordId.ToString("D") + "\n" + field));
        Assert.Equal(json, Encoding.UTF8.GetString(plain));
    }

    [Fact]
    public void Seal_SameValueInAnotherField_DoesNotOpenThere()
    {
        var envelope = FieldEnvelope.Seal(Key, RecordId, "form.mother.full_name", "\"Lê Văn Tám\"");

        Assert.False(FieldEnvelope.TryOpen(Key, RecordId, "form.father.full_name", envelope, out _));
        Assert.True(FieldEnvelope.TryOpen(Key, RecordId, "form.mother.full_name", envelope, out var opened));
        Assert.Equal("\"Lê Văn Tám\"", opened);
    }

    [Fact]
    public void Seal_ManyValuesOnOneThread_EveryNonceDiffers()
    {
        // More seals than one draw of nonces holds, so the draw is refilled at least twice.
        var nonces = Enumerable.Range(0, 1000)
            .Select(_ => Convert.FromBase64String(FieldEnvelope.Seal(Key, RecordId, "applicant_name", "\"An\"")["enc:v1:".Length..])[..12])
            .Select(Convert.ToHexString)
            .ToList();

        Assert.Equal(nonces.Count, nonces.Distinct().Count());
        Assert.DoesNotContain(new string('0', 24), nonces);
    }
}
