using Microsoft.Extensions.Time.Testing;
using OneStop.Core.Changes;

namespace OneStop.Edge.Tests;

public sealed class EdgeStoreDeskCountsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CountBacklogDossiersAsync_DossierFiledThenReceivedOffline_CountsOneDossierNotTwoEntries()
    {
        using var temp = new TempStore();
        var store = await temp.OpenAsync(new FakeTimeProvider(Start));
        var id = Guid.CreateVersion7();
        await store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?> { ["status"] = "\"draft\"" });
        await store.WriteAsync(id, RecordTypes.Dossier, "03006", new Dictionary<string, string?> { ["status"] = "\"received\"" });
        await store.WriteAsync(Guid.CreateVersion7(), RecordTypes.Attachment, "03006", new Dictionary<string, string?> { ["file_name"] = "\"a.png\"" });

        Assert.Equal(3, await store.CountBacklogAsync());
        Assert.Equal(1, await store.CountBacklogDossiersAsync());
    }
}
