using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// The node's HTTP API door leaves the same trace as the desk: a script with the node's key that creates, reads,
/// edits and downloads a resident's data is in the audit log, and a refused call adds nothing to it.
/// </summary>
public sealed class ApiAuditTests
{
    [Fact]
    public async Task Api_KeyHolderCreatesReadsEditsAndDownloads_EachInAuditLog_RefusalsNot()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartEdgeAsync();
        var edge = cluster.Edge;
        var before = (await edge.GetJsonAsync("/api/audit")).GetArrayLength();

        var id = await edge.CreateDossierAsync("Lò Thị Mai");
        Assert.Equal(HttpStatusCode.OK, (await edge.Http.GetAsync(edge.Api($"/api/dossiers/{id}"))).StatusCode);
        using var edit = await edge.Http.PatchAsJsonAsync(edge.Api($"/api/dossiers/{id}"), new { applicantName = "Lò Thị Mái" });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        using var scan = new ByteArrayContent("%PDF-1.4\ngiấy khai sinh"u8.ToArray());
        scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        scan.Headers.Add("X-File-Name", "khai-sinh.pdf");
        using var attached = await edge.Http.PostAsync(edge.Api($"/api/dossiers/{id}/attachments"), scan);
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        var attachmentId = (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await edge.Http.GetAsync(edge.Api($"/api/attachments/{attachmentId}/content"))).StatusCode);

        // Refused or empty: nothing shown, nothing changed, nothing recorded.
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await edge.Http.GetAsync(edge.Api($"/api/dossiers/{unknown}"))).StatusCode);
        using var badStatus = await edge.Http.PostAsJsonAsync(edge.Api($"/api/dossiers/{id}/status"), new { status = "khong-co" });
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);

        var entries = (await edge.GetJsonAsync("/api/audit")).EnumerateArray().Skip(before)
            .Select(e => (Actor: e.GetProperty("actor").GetString(), Action: e.GetProperty("action").GetString(), Subject: e.GetProperty("subject").GetString(), Detail: e.GetProperty("detail").GetString() ?? string.Empty))
            .ToList();
        var expected = new[]
        {
            ("changed", id.ToString(), "created"),
            ("viewed", id.ToString(), "GET"),
            ("changed", id.ToString(), "edited"),
            ("changed", id.ToString(), "attached " + attachmentId),
            ("exported", "attachment:" + attachmentId, "GET"),
        };
        Assert.Equal(expected.Length, entries.Count);
        foreach (var ((action, subject, detailPart), entry) in expected.Zip(entries))
        {
            Assert.Equal("api", entry.Actor);
            Assert.Equal(action, entry.Action);
            Assert.Equal(subject, entry.Subject);
            Assert.Contains(detailPart, entry.Detail, StringComparison.Ordinal);
            Assert.Contains("from 127.0.0.1", entry.Detail, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(entries, e => e.Subject == unknown.ToString());
        Assert.True((await edge.GetJsonAsync("/api/audit/verify")).GetProperty("holds").GetBoolean());
        Assert.Equal("Lò Thị Mái", (await edge.GetJsonAsync($"/api/dossiers/{id}")).GetProperty("applicantName").GetString());
    }
}
