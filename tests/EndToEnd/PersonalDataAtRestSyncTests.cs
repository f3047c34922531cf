using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OneStop.EndToEnd.Tests;

/// <summary>
/// An SD card taken out of a node after real intake and sync: its files show no resident's name, CCCD number or scan
/// in clear, and the desk (restarted on the same card) still finds each dossier by its CCCD number and by a name typed
/// without diacritics.
/// </summary>
public sealed class PersonalDataAtRestSyncTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly (string Applicant, string Mother, string Cccd, string Folded)[] Residents =
    [
        ("Hầu Thị Dếnh", "Lầu Thị Chở", "002181012377", "hau thi denh"),
        ("Giàng Seo Phừ", "Thào Thị Dợ", "002181066188", "giang seo phu"),
    ];

    [Fact]
    public async Task Intake_SyncedThenNodeStopped_RawFilesHoldNoNameNumberOrScan_DeskStillFindsThem()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();
        var ids = new List<Guid>();
        foreach (var (applicant, mother, cccd, _) in Residents)
        {
            ids.Add(await CreateAsync(cluster, applicant, mother, cccd));
        }

        var scan = Encoding.UTF8.GetBytes("%PDF-1.4\nSCAN-OF-BIRTH-CERTIFICATE " + string.Concat(Enumerable.Repeat("Hầu Thị Dếnh 002181012377 ", 40)));
        using (var content = new ByteArrayContent(scan))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Headers.Add("X-File-Name", "scan.pdf");
            using var added = await cluster.Edge.Http.PostAsync(cluster.Edge.Api($"/api/dossiers/{ids[0]}/attachments"), content);
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        // Synced: the hub holds both dossiers and the scan, and the node has nothing left to send.
        await Eventually.WaitForAsync(cluster.HubDossierIdsAsync, list => list.Count == Residents.Length, Patience, cluster.Logs);
        await Eventually.WaitForAsync(
            () => cluster.Edge.GetJsonAsync("/api/status"),
            s => s.GetProperty("backlog").GetInt64() == 0 && s.GetProperty("blobsPending").GetInt32() == 0,
            Patience,
            cluster.Logs);
        // The wire carried the values opened: the hub merged and holds the real number.
        Assert.Contains(Residents[1].Cccd, (await cluster.HubJsonAsync("/api/records/dossier")).GetRawText(), StringComparison.Ordinal);

        // The card is pulled: the process dies without a clean shutdown, WAL and all.
        await cluster.Edge.Process!.KillAsync();
        var card = RawBytes(cluster.Edge.DataDirectory);
        foreach (var (applicant, mother, cccd, folded) in Residents)
        {
            foreach (var text in new[] { applicant, mother, cccd, folded, AsciiOf(applicant), AsciiOf(mother) })
            {
                Assert.True(card.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"'{text}' is on the node's card in clear");
            }
        }

        Assert.True(card.AsSpan().IndexOf("SCAN-OF-BIRTH-CERTIFICATE"u8) < 0, "the scan is on the node's card in clear");
        var key = new FileInfo(Path.Combine(cluster.Edge.DataDirectory, "data.key"));
        Assert.True(key.Exists, "no data key file in the node's data folder");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, key.UnixFileMode);

        // The same card in the box again: the desk finds each resident by number and by a name typed without diacritics.
        await cluster.RestartEdgeAfterKillAsync();
        for (var i = 0; i < Residents.Length; i++)
        {
            Assert.Equal([ids[i]], await SearchAsync(cluster, Residents[i].Cccd));
            Assert.Equal([ids[i]], await SearchAsync(cluster, Residents[i].Folded));
            Assert.Equal([ids[i]], await SearchAsync(cluster, AsciiOf(Residents[i].Mother).ToUpperInvariant()));
        }

        var dossier = await cluster.Edge.GetJsonAsync($"/api/dossiers/{ids[0]}");
        Assert.Equal(Residents[0].Applicant, dossier.GetProperty("applicantName").GetString());
    }

    private static async Task<Guid> CreateAsync(SyncCluster cluster, string applicant, string mother, string cccd)
    {
        var form = new Dictionary<string, string>(EdgeNode.BirthAnswers)
        {
            ["mother.full_name"] = mother,
            ["mother.id_number"] = cccd,
        };
        using var response = await cluster.Edge.Http.PostAsJsonAsync(cluster.Edge.Api("/api/dossiers"), new { procedureCode = "hotich.khaisinh", applicantName = applicant, form });
        Assert.True(response.IsSuccessStatusCode, $"create dossier: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> SearchAsync(SyncCluster cluster, string text)
    {
        var found = await cluster.Edge.GetJsonAsync($"/api/dossiers/search?text={Uri.EscapeDataString(text)}");
        return [.. found.EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];
    }

    // Written out by hand rather than by the product's folding, so the test does not trust the code it checks.
    private static string AsciiOf(string text) => text
        .Replace("ầ", "a", StringComparison.Ordinal).Replace("ị", "i", StringComparison.Ordinal).Replace("ế", "e", StringComparison.Ordinal)
        .Replace("à", "a", StringComparison.Ordinal).Replace("ừ", "u", StringComparison.Ordinal).Replace("ở", "o", StringComparison.Ordinal)
        .Replace("ợ", "o", StringComparison.Ordinal).Replace("à", "a", StringComparison.Ordinal);

    private static byte[] RawBytes(string dataDirectory)
    {
        using var all = new MemoryStream();
        foreach (var file in Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("data.key", StringComparison.Ordinal)))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        Assert.True(all.Length > 0, "no files in the node's data folder");
        return all.ToArray();
    }
}
