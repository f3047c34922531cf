using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;
using OneStop.Edge.Store;

namespace OneStop.Edge.Tests;

/// <summary>A dossier list is paged with a cursor and a total: a cut list is never silent.</summary>
public sealed class RecordPagesTests
{
    [Fact]
    public async Task ReadAsync_MoreThanOnePage_TotalAndCursorReachEveryRecordOnce()
    {
        using var temp = new TempStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        var store = await temp.OpenAsync(time);
        var written = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var id = Guid.CreateVersion7(time.GetUtcNow());
            written.Add(id);
            await store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?> { ["applicant_name"] = $"\"Người {i}\"" });
        }

        var pages = new RecordPages(temp.Database);
        var seen = new List<Guid>();
        Guid? cursor = null;
        var count = 0;
        do
        {
            var page = await pages.ReadAsync(RecordTypes.Dossier, cursor, 3);
            Assert.Equal(7, page.Total);
            seen.AddRange(page.Items.Select(r => r.Id));
            cursor = page.Next;
            count++;
        }
        while (cursor is not null);

        Assert.Equal(3, count);
        Assert.Equal(written.AsEnumerable().Reverse(), seen);
    }
}
