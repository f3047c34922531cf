using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>A scan attached offline reaches the hub after its record, byte for byte.</summary>
public sealed class AttachmentSyncTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AttachmentAddedOffline_ReachesHubComplete_AndItsRecordToo()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();
        var dossier = await cluster.CreateDossierAsync("Thào Thị Mai");
        var scan = new byte[300_000];
        new Random(7).NextBytes(scan);
        var sha = Convert.ToHexStringLower(SHA256.HashData(scan));

        using var content = new ByteArrayContent(scan);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Headers.Add("X-File-Name", Uri.EscapeDataString("giấy chứng sinh.jpg"));
        using var added = await cluster.Edge.Http.PostAsync(cluster.Edge.Api($"/api/dossiers/{dossier}/attachments"), content);
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        var status = await cluster.Edge.GetJsonAsync("/api/status");
        Assert.Equal(1, status.GetProperty("blobsPending").GetInt32());

        await cluster.StartHubAsync();
        var state = await Eventually.WaitForAsync(
            () => cluster.HubJsonAsync($"/api/attachments/{sha}"),
            s => s.GetProperty("complete").GetBoolean(),
            Patience,
            cluster.Logs);
        Assert.Equal(scan.Length, state.GetProperty("received").GetInt64());

        var records = await cluster.HubJsonAsync("/api/records/attachment");
        var record = Assert.Single(records.EnumerateArray());
        Assert.Equal(sha, record.GetProperty("data").GetProperty("sha256").GetString());
        Assert.Equal("giấy chứng sinh.jpg", record.GetProperty("data").GetProperty("file_name").GetString());
        await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => s.GetProperty("blobsPending").GetInt32() == 0,
            Patience,
            cluster.Logs);
    }

    [Fact]
    public async Task AttachmentForUnknownDossier_RefusedWithMessage_NothingStored()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();
        using var content = new ByteArrayContent("%PDF-1.4\n"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");

        using var refused = await cluster.Edge.Http.PostAsync(cluster.Edge.Api($"/api/dossiers/{Guid.CreateVersion7()}/attachments"), content);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Không tìm thấy hồ sơ.", body.RootElement.GetProperty("error").GetString());
        var status = await cluster.Edge.GetJsonAsync("/api/status");
        Assert.Equal(0, status.GetProperty("blobsPending").GetInt32());
        Assert.Equal(0, status.GetProperty("backlog").GetInt64());
    }
}
