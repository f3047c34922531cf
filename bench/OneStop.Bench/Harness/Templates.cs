using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace OneStop.Bench.Harness;

/// <summary>
/// Prepared data folders, built once and copied for every run: a hub and an edge that have synced the
/// catalogue, then the edge wrote <c>dossiers</c> dossiers (and attachments) while the hub was down.
/// A run therefore starts with exactly the backlog the scenario names, and nothing else to move.
/// </summary>
internal static class Templates
{
    public static async Task<Template> GetAsync(int dossiers, int attachments = 0, int attachmentBytes = 1_000_000)
    {
        var name = $"template-{dossiers}d-{attachments}x{attachmentBytes}";
        var folder = Path.Combine(RepoPaths.Scratch, "templates", name);
        var rawFile = Path.Combine(folder, "raw-json-bytes.txt");
        if (File.Exists(rawFile))
        {
            return new Template(folder, dossiers, attachments, long.Parse(File.ReadAllText(rawFile), CultureInfo.InvariantCulture));
        }

        Console.WriteLine($"  preparing {name} (once)...");
        await using var rig = SyncRig.Empty("prepare");
        await rig.StartHubAsync();
        await rig.StartEdgeAsync(rig.HubDirect, new Dictionary<string, string> { ["Sync:IntervalSeconds"] = "3600" });
        await rig.WaitForAsync(s => s.GetProperty("rounds").GetInt32() > 0, TimeSpan.FromSeconds(60));
        await rig.StopHubAsync();

        var factory = new DossierFactory();
        var random = new Random(7);
        long raw = 0;
        for (var i = 0; i < dossiers; i++)
        {
            var body = factory.Next();
            var json = body.ToJsonString();
            raw += Encoding.UTF8.GetByteCount(json);
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await rig.Http.PostAsync(rig.EdgeApi("/api/dossiers"), content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The node refused a generated dossier ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}\n{json}");
            }

            if (i < attachments)
            {
                var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                var scan = new byte[attachmentBytes];
                // Scans are JPEG/PDF: already compressed, so random bytes are the honest stand-in.
                random.NextBytes(scan);
                using var file = new ByteArrayContent(scan);
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
                using var request = new HttpRequestMessage(HttpMethod.Post, rig.EdgeApi($"/api/dossiers/{created.GetProperty("id").GetGuid()}/attachments")) { Content = file };
                request.Headers.Add("X-File-Name", Uri.EscapeDataString($"ban-quet-{i:D2}.jpg"));
                using var upload = await rig.Http.SendAsync(request);
                upload.EnsureSuccessStatusCode();
            }
        }

        await rig.StopEdgeAsync();
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(rig.Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(rig.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        File.WriteAllText(rawFile, raw.ToString(CultureInfo.InvariantCulture));
        return new Template(folder, dossiers, attachments, raw);
    }
}

/// <summary>A prepared pair of data folders and what it holds.</summary>
internal sealed record Template(string Folder, int Dossiers, int Attachments, long RawJsonBytes);
