using System.Security.Cryptography;
using OneStop.Edge.Appliance;

namespace OneStop.Edge.Tests.Appliance;

public sealed class BackupCipherTests
{
    private const string Passphrase = "đèo Ô Quy Hồ 2026";

    // Three and a half frames: a full frame boundary inside, and a short last frame.
    private static readonly byte[] Plain = RandomNumberGenerator.GetBytes((BackupCipher.FrameBytes * 7) / 2);

    [Fact]
    public async Task SealThenOpen_SeveralFrames_GivesBackEveryByte()
    {
        var opened = await OpenAsync(await SealAsync(Plain), Passphrase);

        Assert.Equal(Plain, opened);
    }

    [Fact]
    public async Task Seal_ExactMultipleOfFrame_LastFrameMarkedAndOpens()
    {
        var plain = RandomNumberGenerator.GetBytes(BackupCipher.FrameBytes * 2);

        Assert.Equal(plain, await OpenAsync(await SealAsync(plain), Passphrase));
    }

    [Fact]
    public async Task Seal_KnownText_NotFoundInSealedBytes()
    {
        var text = "Nguyễn Văn An 001203004567 "u8.ToArray();
        var plain = Enumerable.Repeat(text, 1000).SelectMany(b => b).ToArray();

        var sealedBytes = await SealAsync(plain);

        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf("001203004567"u8));
        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf("Nguy"u8));
    }

    [Fact]
    public async Task Open_WrongPassphrase_RefusedNamingThePassphrase()
    {
        var sealedBytes = await SealAsync(Plain);

        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => OpenAsync(sealedBytes, "đèo Ô Quy Hồ 2025"));

        Assert.Contains("Wrong backup passphrase", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_OneByteFlippedInThirdFrame_RefusedNamingTheFrame()
    {
        var sealedBytes = await SealAsync(Plain);
        var frame = 4 + 12 + BackupCipher.FrameBytes + 16;
        sealedBytes[25 + (2 * frame) + 100] ^= 0x01;

        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => OpenAsync(sealedBytes, Passphrase));

        Assert.Contains("frame 2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_CutAtAFrameBoundary_RefusedAsCutShort()
    {
        var sealedBytes = await SealAsync(Plain);
        var frame = 4 + 12 + BackupCipher.FrameBytes + 16;

        // Header and the first two frames: every remaining byte authentic, but the last frame is missing.
        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => OpenAsync(sealedBytes[..(25 + (2 * frame))], Passphrase));

        Assert.Contains("cut short", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FramesSwapped_Refused()
    {
        var sealedBytes = await SealAsync(Plain);
        var frame = 4 + 12 + BackupCipher.FrameBytes + 16;
        var swapped = sealedBytes.ToArray();
        sealedBytes.AsSpan(25, frame).CopyTo(swapped.AsSpan(25 + frame));
        sealedBytes.AsSpan(25 + frame, frame).CopyTo(swapped.AsSpan(25));

        await Assert.ThrowsAsync<BackupRefusedException>(() => OpenAsync(swapped, Passphrase));
    }

    [Fact]
    public async Task Open_BytesAppended_Refused()
    {
        var sealedBytes = (await SealAsync(Plain)).Append((byte)0).ToArray();

        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => OpenAsync(sealedBytes, Passphrase));

        Assert.Contains("after the end", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_NotABackup_Refused()
    {
        var refused = await Assert.ThrowsAsync<BackupRefusedException>(() => OpenAsync("SQLite format 3\0 and more bytes"u8.ToArray(), Passphrase));

        Assert.Contains("not a OneStop node backup", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ngắn quá")]
    [InlineData("   mười một   ")]
    public void RefusePassphrase_ShorterThanTwelve_Refused(string? passphrase) =>
        Assert.NotNull(BackupCipher.RefusePassphrase(passphrase));

    [Fact]
    public void RefusePassphrase_TwelveCharacters_Accepted() =>
        Assert.Null(BackupCipher.RefusePassphrase("mười hai chữ"));

    private static async Task<byte[]> SealAsync(byte[] plain)
    {
        using var output = new MemoryStream();
        await BackupCipher.SealAsync(new MemoryStream(plain), output, Passphrase, CancellationToken.None);
        return output.ToArray();
    }

    private static async Task<byte[]> OpenAsync(byte[] sealedBytes, string passphrase)
    {
        using var output = new MemoryStream();
        await BackupCipher.OpenAsync(new MemoryStream(sealedBytes), output, passphrase, CancellationToken.None);
        return output.ToArray();
    }
}
