using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Edge.Attachments;
using OneStop.Edge.Store;

namespace OneStop.Edge.Tests.Privacy;

/// <summary>Content fetched from the hub (a scan a resident attached online) is sealed on the card like content filed at the desk: its pieces while it arrives, and the whole once checked.</summary>
public sealed class FetchedContentSealedTests
{
    private static readonly byte[] Scan = Encoding.UTF8.GetBytes("CCCD 001095012345 Nguyen Van Binh - scan filed online " + new string('*', 300));

    [Fact]
    public async Task FetchQueue_PiecesThenWholeContent_RawFileHoldsNoneInClear_AndHeldCountsPlainBytes()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        var store = await temp.OpenAsync(time);
        var blobs = new BlobStore(temp.Database, time);
        var queue = new AttachmentFetchQueue(temp.Database, store, blobs, time);
        var sha = BlobStore.HashOf(Scan);
        await store.WriteAsync(Guid.CreateVersion7(), RecordTypes.Attachment, "03006", new Dictionary<string, string?>
        {
            ["sha256"] = JsonSerializer.Serialize(sha),
            ["size"] = Scan.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["content_type"] = "\"image/jpeg\"",
        });
        Assert.Equal(1, await queue.ScanAsync(1 << 20));

        // A fetch cut after its first piece: what arrived waits on the card, sealed.
        var half = Scan.Length / 2;
        await queue.AppendAsync(sha, 0, Scan[..half]);
        var due = Assert.Single(await queue.ListDueAsync());
        Assert.Equal(half, due.Held);
        AssertNotInClear(SealedAtRestTests.RawBytes(temp.DatabasePath), Scan.AsSpan(0, 40));

        await queue.AppendAsync(sha, half, Scan[half..]);
        Assert.Equal(Scan.Length, Assert.Single(await queue.ListDueAsync()).Held);
        var content = await queue.AssembleAsync(sha, Scan.Length);
        Assert.Equal(Scan, content);

        await blobs.StoreFetchedAsync(sha, "image/jpeg", content);
        await queue.CompleteAsync(sha);
        AssertNotInClear(SealedAtRestTests.RawBytes(temp.DatabasePath), Scan.AsSpan(0, 40));
        AssertNotInClear(SealedAtRestTests.RawBytes(temp.DatabasePath), Scan.AsSpan(half, 40));
        Assert.Equal(Scan, await blobs.ReadAsync(sha));
    }

    private static void AssertNotInClear(byte[] raw, ReadOnlySpan<byte> text)
    {
        Assert.True(raw.Length > 0);
        Assert.True(raw.AsSpan().IndexOf(text) < 0, "fetched content is in the node's files in clear");
    }
}
