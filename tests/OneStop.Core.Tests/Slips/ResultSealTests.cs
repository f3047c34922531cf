using System.Security.Cryptography;
using System.Text;
using OneStop.Core.Slips;

namespace OneStop.Core.Tests.Slips;

public class ResultSealTests
{
    // SHA-256("abc"), FIPS 180-2 appendix B.1: the hash is taken from the standard, not from our code.
    private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static readonly ResultClaim Claim = new(Guid.Parse("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), "03006", "node-sapa-1", AbcSha256);

    private static string Sign(ECDsa key, ResultClaim claim) =>
        ResultSeal.Encode(claim, key.SignData(ResultSeal.CanonicalBytes(claim), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    [Fact]
    public void CanonicalBytes_KnownClaim_AreTheDocumentedLines()
    {
        Assert.Equal($"OSR1\n0199a1b2c3d47e5f8a9b0c1d2e3f4a5b\n03006\nnode-sapa-1\n{AbcSha256}", Encoding.UTF8.GetString(ResultSeal.CanonicalBytes(Claim)));
        Assert.Equal(AbcSha256, Convert.ToHexStringLower(SHA256.HashData("abc"u8)));
    }

    [Fact]
    public void Verify_SignedByTheNodeKey_ValidWithTheClaim()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var check = ResultSeal.Verify(Sign(key, Claim), key.ExportSubjectPublicKeyInfo(), out var claim);

        Assert.Equal(SlipCheck.Valid, check);
        Assert.Equal(Claim, claim);
    }

    [Fact]
    public void Verify_OtherDocumentHashUnderTheSameSignature_BadSignature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var sealedText = Sign(key, Claim);
        var signature = sealedText.Split('.')[1];
        var forged = ResultSeal.CanonicalBytes(Claim with { DocumentSha256 = new string('0', 64) });

        var check = ResultSeal.Verify(System.Buffers.Text.Base64Url.EncodeToString(forged) + "." + signature, key.ExportSubjectPublicKeyInfo(), out _);

        Assert.Equal(SlipCheck.BadSignature, check);
    }

    [Fact]
    public void Verify_SlipTextSignedBySameKey_MalformedNotAResult()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var slip = new SlipClaim(Claim.DossierId, "03006", new DateOnly(2026, 12, 3), "node-sapa-1");
        var slipText = SlipSeal.Encode(slip, key.SignData(SlipSeal.CanonicalBytes(slip), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        Assert.False(ResultSeal.IsResult(slipText));
        Assert.Equal(SlipCheck.Malformed, ResultSeal.Verify(slipText, key.ExportSubjectPublicKeyInfo(), out _));
        Assert.True(ResultSeal.IsResult(Sign(key, Claim)));
    }
}
