using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// Issue 9, item 6, through a real node's HTTP API: only scans and photos are taken, a file name is a label and
/// never a path, and content is served so that a browser cannot sniff it into a page.
/// </summary>
public sealed class AttachmentDoorTests
{
    [Theory]
    [InlineData("text/html")]
    [InlineData("application/x-msdownload")]
    public async Task AddAttachment_TypeNotAScanOrPhoto_RefusedAndNothingStored(string contentType)
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();
        var dossier = await cluster.CreateDossierAsync("Lý Thị Sai");

        using var refused = await PostAsync(cluster, dossier, "<script>alert(1)</script>"u8.ToArray(), contentType, "trang.html");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("file", body.RootElement.GetProperty("field").GetString());
        Assert.Equal(0, (await cluster.Edge.GetJsonAsync($"/api/dossiers/{dossier}/attachments")).GetArrayLength());
        Assert.Equal(0, (await cluster.Edge.GetJsonAsync("/api/status")).GetProperty("blobsPending").GetInt32());
    }

    [Theory]
    [InlineData("..\\..\\evil.exe", "evil.exe")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("scan\r\nSet-Cookie: x.pdf", "scanSet-Cookie x.pdf")]
    [InlineData("a\0b.pdf", "ab.pdf")]
    public async Task AddAttachment_NameWithPathOrControlCharacters_StoredAsLastSegmentWithoutThem(string given, string expected)
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();
        var dossier = await cluster.CreateDossierAsync("Lý Thị Sai");

        using var added = await PostAsync(cluster, dossier, "%PDF-1.4\n"u8.ToArray(), "application/pdf", given);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var stored = Assert.Single((await cluster.Edge.GetJsonAsync($"/api/dossiers/{dossier}/attachments")).EnumerateArray());
        Assert.Equal(expected, stored.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task AttachmentContent_Served_WithNosniffAndStoredType()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();
        var dossier = await cluster.CreateDossierAsync("Lý Thị Sai");
        var pdf = "%PDF-1.4\n<html><script>alert(1)</script></html>"u8.ToArray();
        using var added = await PostAsync(cluster, dossier, pdf, "application/pdf", "giay.pdf");
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        using var served = await cluster.Edge.Http.GetAsync(cluster.Edge.Api(added.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("nosniff", Assert.Single(served.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(SyncCluster cluster, Guid dossier, byte[] bytes, string contentType, string fileName)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Headers.Add("X-File-Name", Uri.EscapeDataString(fileName));
        return await cluster.Edge.Http.PostAsync(cluster.Edge.Api($"/api/dossiers/{dossier}/attachments"), content);
    }
}
