using System.Diagnostics;
using NetVips;
using OneStop.Bench.Harness;
using OneStop.LinkEmulator;
using OneStop.Scans;

namespace OneStop.Bench.Scenarios;

/// <summary>
/// Scans shrunk before they travel (issue 15 item 2): each run renders a Vietnamese page (seeded by the run),
/// captures it as a phone photo and as a 300 dpi scan, shrinks each capture with the node's own
/// <see cref="ScanNormaliser"/>, and has tesseract (Vietnamese) read the capture and its small copy.
/// Figures: size of the small copy, its time over L1's uplink, and the OCR character accuracy it loses.
/// </summary>
internal static class ScanLegibility
{
    private const double MaxDropPoints = 2.0;

    public static Task<ScenarioResult> RunAsync(CommandLine command)
    {
        if (!Ocr.Available())
        {
            throw new InvalidOperationException("tesseract with the Vietnamese model is needed: apt-get install tesseract-ocr tesseract-ocr-vie");
        }

        var runs = command.Int("runs", 3);
        var keep = command.String("keep", "");
        var options = new ScanOptions();
        var captures = new Dictionary<string, Func<SyntheticPage, int, byte[]>>
        {
            ["photo"] = SyntheticPages.Photograph,
            ["300 dpi scan"] = SyntheticPages.Scan,
        };
        var rows = captures.Keys.ToDictionary(k => k, _ => new List<Row>());
        var folder = Directory.CreateTempSubdirectory("scan-legibility-");
        try
        {
            for (var run = 0; run < runs; run++)
            {
                var seed = 1500 + run;
                var page = SyntheticPages.Render(seed);
                foreach (var (kind, capture) in captures)
                {
                    var original = capture(page, seed);
                    var clock = Stopwatch.StartNew();
                    var small = ScanNormaliser.TryNormalise(original, options)
                        ?? throw new InvalidOperationException($"The {kind} of run {run + 1} was not shrunk.");
                    var normaliseMs = clock.Elapsed.TotalMilliseconds;
                    var stem = Path.Combine(folder.FullName, $"run{run + 1}-{kind.Replace(' ', '-')}");
                    File.WriteAllBytes(stem + "-original.jpg", original);
                    File.WriteAllBytes(stem + "-small.webp", small.Content);
                    // tesseract gets the small copy's exact pixels, decoded here (PNG is lossless).
                    using (var decoded = Image.NewFromBuffer(small.Content))
                    {
                        decoded.WriteToFile(stem + "-small.png");
                    }

                    var before = Ocr.CharacterAccuracy(page.Text, Ocr.Read(stem + "-original.jpg"));
                    var after = Ocr.CharacterAccuracy(page.Text, Ocr.Read(stem + "-small.png"));
                    rows[kind].Add(new Row(original.Length, small.Content.Length, before, after, normaliseMs, small.Width, small.Height, small.Quality));
                    Console.WriteLine($"  run {run + 1} {kind}: {original.Length / 1024.0:0} KB -> {small.Content.Length / 1024.0:0.0} KB ({small.Width}x{small.Height}, q{small.Quality}, {normaliseMs:0} ms); OCR {before:0.00} % -> {after:0.00} %");
                }
            }

            if (keep.Length > 0)
            {
                Directory.CreateDirectory(keep);
                foreach (var file in folder.EnumerateFiles())
                {
                    file.CopyTo(Path.Combine(keep, file.Name), true);
                }
            }
        }
        finally
        {
            folder.Delete(true);
        }

        var uplink = LinkProfiles.L1.UpBytesPerSecond;
        var figures = new List<Figure>();
        foreach (var (kind, list) in rows)
        {
            var kb = list.Select(r => r.SmallBytes / 1024.0).ToList();
            var seconds = list.Select(r => r.SmallBytes / uplink).ToList();
            var drop = list.Select(r => r.Before - r.After).ToList();
            var detail = new Dictionary<string, double>
            {
                ["originalKB"] = Measure.Median(list.Select(r => r.OriginalBytes / 1024.0)),
                ["ocrOriginalPercent"] = Measure.Median(list.Select(r => r.Before)),
                ["ocrSmallPercent"] = Measure.Median(list.Select(r => r.After)),
                ["width"] = Measure.Median(list.Select(r => (double)r.Width)),
                ["height"] = Measure.Median(list.Select(r => (double)r.Height)),
                ["webpQuality"] = Measure.Median(list.Select(r => (double)r.Quality)),
            };
            figures.Add(new Figure($"scan shrunk on the node, {kind}", Measure.Median(kb), "KB", "≤ 150 KB", null, null, kb.Max() <= 150, kb, detail));
            figures.Add(new Figure($"shrunk {kind} over L1's uplink", Measure.Median(seconds), "s", "≤ 20 s", null, null, seconds.Max() <= 20, seconds));
            figures.Add(new Figure($"OCR character accuracy lost, {kind}", Measure.Median(drop), "points", $"≤ {MaxDropPoints} points", null, null, drop.Max() <= MaxDropPoints, drop, detail));
            var ms = list.Select(r => r.NormaliseMs).ToList();
            figures.Add(new Figure($"time to shrink one {kind} (this machine)", Measure.Median(ms), "ms", "—", null, null, true, ms));
        }

        return Task.FromResult(new ScenarioResult(
            "scan-legibility",
            command.Text,
            TimeProvider.System.GetUtcNow(),
            Machine.Current,
            runs,
            $"{runs} pages (A4, 300 dpi, seeds 1500..{1500 + runs - 1}), each as a photo and as a scan; tesseract {TesseractVersion()} -l vie --psm 3",
            figures,
            [
                "Met only when every run meets the target, not just the median.",
                "Accuracy is ISRI character accuracy on NFC text with white space collapsed; the truth is the printed text only (stamp and signature are not in it).",
            ]));
    }

    private static string TesseractVersion()
    {
        var info = new ProcessStartInfo("tesseract", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Replace("tesseract ", "", StringComparison.Ordinal).Trim() ?? "?";
    }

    private sealed record Row(long OriginalBytes, long SmallBytes, double Before, double After, double NormaliseMs, int Width, int Height, int Quality);
}
