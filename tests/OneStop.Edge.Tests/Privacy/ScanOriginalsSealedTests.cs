using System.Text;
using OneStop.Edge.Attachments.Scans;
using OneStop.Edge.Store;

namespace OneStop.Edge.Tests.Privacy;

/// <summary>The full-size scan the node keeps back is sealed on the card like the content it uploads.</summary>
public sealed class ScanOriginalsSealedTests
{
    private static readonly byte[] Original = Encoding.UTF8.GetBytes("CAN CUOC CONG DAN - ban goc chua thu nho " + new string('@', 300));

    [Fact]
    public async Task KeepAsync_Original_RawFileHoldsItSealed_AndItReadsAndReleasesWhole()
    {
        using var temp = new TempStore();
        await temp.OpenAsync(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        var originals = new ScanOriginals(temp.Database);
        var sha = BlobStore.HashOf(Original);

        await originals.KeepAsync(sha, new string('0', 64), "image/jpeg", Original);

        Assert.True(SealedAtRestTests.RawBytes(temp.DatabasePath).AsSpan().IndexOf(Original.AsSpan(0, 40)) < 0, "the original scan is in the node's file in clear");
        Assert.Equal(Original, (await originals.ReadAsync(sha))!.Value.Content);
        Assert.True(await originals.ReleaseAsync(sha));
        Assert.Equal(Original, await new BlobStore(temp.Database).ReadAsync(sha));
    }
}
