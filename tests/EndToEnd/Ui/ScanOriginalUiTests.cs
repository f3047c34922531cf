using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneStop.EndToEnd.Tests.Ui;

/// <summary>
/// The original behind a shrunk scan, with a real hub and node: the node sends only the small copy; a province admin
/// clicks "Yêu cầu bản gốc" in the console, the node sends the original with its next round, and the admin downloads
/// exactly the bytes the clerk attached.
/// </summary>
public sealed class ScanOriginalUiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [ChromiumFact]
    public async Task AdminRequestsOriginalInConsole_NodeSendsItNextRound_AdminDownloadsTheSameBytes()
    {
        await using var cluster = new SyncCluster();
        await cluster.StartHubAsync();
        await cluster.StartEdgeAsync();
        var dossier = await cluster.CreateDossierAsync("Giàng Thị Súa");
        var photo = PagePng(width: 1200, height: 1600, seed: 11);
        var originalSha = Convert.ToHexStringLower(SHA256.HashData(photo));
        using (var content = new ByteArrayContent(photo))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Headers.Add("X-File-Name", "giay-khai-sinh.png");
            using var added = await cluster.Edge.Http.PostAsync(cluster.Edge.Api($"/api/dossiers/{dossier}/attachments"), content);
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        // Only the small copy travels by itself.
        var record = await Eventually.WaitForAsync(
            () => cluster.HubJsonAsync("/api/records/attachment"),
            r => r.GetArrayLength() == 1,
            Patience,
            cluster.Logs);
        var attachmentId = record[0].GetProperty("id").GetString()!;
        Assert.Equal(originalSha, record[0].GetProperty("data").GetProperty("original_sha256").GetString());
        Assert.False((await cluster.HubJsonAsync($"/api/attachments/{originalSha}")).GetProperty("complete").GetBoolean());

        var password = (await File.ReadAllTextAsync(Path.Combine(cluster.HubDataDirectory, "console-admin-password"))).Trim();
        await using var browser = await DeskBrowser.LaunchAsync();
        var console = await browser.NewPageAsync(new Uri($"http://127.0.0.1:{cluster.HubHttpPort}/"));
        await console.GotoAsync("/originals");
        await console.Locator("#userName").FillAsync("admin");
        await console.Locator("#password").FillAsync(password);
        await console.GetByTestId("signin").ClickAsync();
        await Expect(console).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/originals"));
        await WaitInteractiveAsync(console);
        var row = console.Locator($"[data-testid=original-row][data-id='{attachmentId}']");
        await Expect(row).ToHaveAttributeAsync("data-state", "NotRequested");
        await row.GetByTestId("original-request").ClickAsync();
        await Expect(console.GetByTestId("originals-message")).ToContainTextAsync("Đã yêu cầu bản gốc");
        await Expect(row).ToHaveAttributeAsync("data-state", "Requested");
        await DeskBrowser.ScreenshotAsync(console, "45-console-original-requested");

        await cluster.Edge.RequestSyncAsync();
        await Eventually.WaitForAsync(
            () => cluster.HubJsonAsync($"/api/attachments/{originalSha}"),
            s => s.GetProperty("complete").GetBoolean(),
            Patience,
            cluster.Logs);
        await console.GetByTestId("originals-refresh").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-state", "Received");
        await DeskBrowser.ScreenshotAsync(console, "46-console-original-received");
        var href = await row.GetByTestId("original-download").GetAttributeAsync("href") ?? string.Empty;
        var download = await console.APIRequest.GetAsync(href);
        Assert.Equal(200, download.Status);
        Assert.Equal(photo, await download.BodyAsync());

        // Signed out, the same address gives nothing.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var refused = await anonymous.GetAsync(new Uri($"http://127.0.0.1:{cluster.HubHttpPort}{href}"));
        Assert.False(refused.IsSuccessStatusCode);
        await console.GotoAsync("/audit");
        await Expect(console.GetByTestId("audit-table")).ToContainTextAsync(attachmentId);
    }

    // The circuit connects over a WebSocket after the page loads: slower than the page on a loaded machine.
    private static Task WaitInteractiveAsync(IPage page) =>
        Expect(page.Locator("[data-testid=interactive]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });

    /// <summary>A grey page photo as a camera would store it losslessly: text-like strokes on paper with sensor noise, so it is far above the small copy's limit.</summary>
    private static byte[] PagePng(int width, int height, int seed)
    {
        var random = new Random(seed);
        var raw = new byte[height * (width + 1)];
        for (var y = 0; y < height; y++)
        {
            var line = y * (width + 1);
            raw[line] = 0; // filter: none
            var inText = y % 40 is >= 10 and < 24;
            for (var x = 0; x < width; x++)
            {
                var ink = inText && x > 80 && x < width - 80 && (x / 7 + y / 3) % 5 < 2;
                raw[line + 1 + x] = (byte)(ink ? random.Next(20, 60) : random.Next(215, 250));
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        png.Write(four);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typed));
        png.Write(four);
    }

    // PNG's CRC-32 (ISO 3309, reflected 0xEDB88320), bit by bit: a few MB once per test.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
