using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using OneStop.Core.Slips;

namespace OneStop.Core.Tests.Slips;

public class SlipSealTests
{
    private static readonly SlipClaim Claim = new(Guid.Parse("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), "03006", new DateOnly(2026, 12, 3), "node-sapa-1");

    [Fact]
    public void CanonicalBytes_KnownClaim_AreTheDocumentedLines()
    {
        var text = Encoding.UTF8.GetString(SlipSeal.CanonicalBytes(Claim));

        Assert.Equal("OSS1\n0199a1b2c3d47e5f8a9b0c1d2e3f4a5b\n03006\n20261203\nnode-sapa-1", text);
    }

    [Fact]
    public void Encode_KnownClaim_IsBase64UrlWithoutPadding()
    {
        var sealedText = SlipSeal.Encode(Claim, new byte[64]);

        var parts = sealedText.Split('.');
        Assert.Equal(2, parts.Length);
        Assert.Equal("T1NTMQowMTk5YTFiMmMzZDQ3ZTVmOGE5YjBjMWQyZTNmNGE1YgowMzAwNgoyMDI2MTIwMwpub2RlLXNhcGEtMQ", parts[0]);
        Assert.DoesNotContain('=', sealedText);
        Assert.DoesNotContain('+', sealedText);
        Assert.DoesNotContain('/', sealedText);
    }

    [Fact]
    public void Verify_SignedWithNodeKey_IsValidAndReturnsClaim()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var sealedText = Seal(key, Claim);

        var check = SlipSeal.Verify(sealedText, key.ExportSubjectPublicKeyInfo(), out var claim);

        Assert.Equal(SlipCheck.Valid, check);
        Assert.Equal(Claim, claim);
    }

    [Fact]
    public void Verify_DueDateMovedInPayload_FailsSignature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = SlipSeal.Encode(Claim, Sign(key, Claim)).Split('.')[1];
        var tampered = Base64Url.EncodeToString(SlipSeal.CanonicalBytes(Claim with { DueDate = Claim.DueDate.AddDays(-2) })) + "." + signature;

        Assert.Equal(SlipCheck.BadSignature, SlipSeal.Verify(tampered, key.ExportSubjectPublicKeyInfo(), out _));
    }

    [Fact]
    public void Verify_OtherNodesKey_FailsSignature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(SlipCheck.BadSignature, SlipSeal.Verify(Seal(key, Claim), other.ExportSubjectPublicKeyInfo(), out _));
    }

    [Fact]
    public void Verify_OneSignatureByteFlipped_FailsSignature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signature = Sign(key, Claim);
        signature[10] ^= 0x01;

        Assert.Equal(SlipCheck.BadSignature, SlipSeal.Verify(SlipSeal.Encode(Claim, signature), key.ExportSubjectPublicKeyInfo(), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a slip")]
    [InlineData("T1NTMQ.AAAA")]
    [InlineData("a.b.c")]
    public void TryDecode_Garbage_IsRefused(string text)
    {
        Assert.False(SlipSeal.TryDecode(text, out _, out _));
    }

    [Fact]
    public void TryDecode_UpperCaseDossierId_IsRefusedAsNonCanonical()
    {
        var spelled = Encoding.UTF8.GetString(SlipSeal.CanonicalBytes(Claim)).Replace("0199a1b2c3d47e5f", "0199A1B2C3D47E5F", StringComparison.Ordinal);
        var text = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(spelled)) + "." + Base64Url.EncodeToString(new byte[64]);

        Assert.False(SlipSeal.TryDecode(text, out _, out _));
    }

    [Fact]
    public void ExtractSealed_StatusUrl_TakesSlipParameter()
    {
        Assert.Equal("abc.def", SlipSeal.ExtractSealed("  http://10.0.0.2:8080/status/0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b?slip=abc.def \n"));
        Assert.Equal("abc.def", SlipSeal.ExtractSealed("abc.def"));
    }

    [Fact]
    public void CanonicalBytes_NodeIdWithNewline_Throws()
    {
        Assert.Throws<ArgumentException>(() => SlipSeal.CanonicalBytes(Claim with { NodeId = "a\nb" }));
    }

    private static byte[] Sign(ECDsa key, SlipClaim claim) =>
        key.SignData(SlipSeal.CanonicalBytes(claim), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    private static string Seal(ECDsa key, SlipClaim claim) => SlipSeal.Encode(claim, Sign(key, claim));
}
