using System.Diagnostics;
using System.Text;

namespace OneStop.Bench.Harness;

/// <summary>
/// Debian's tesseract (tesseract-ocr, tesseract-ocr-vie) read through its command line, and the character
/// accuracy of what it read against the text that was printed.
/// </summary>
internal static class Ocr
{
    public static bool Available()
    {
        try
        {
            var (code, output) = Run("tesseract", "--list-langs");
            return code == 0 && output.Split('\n').Any(l => l.Trim() == "vie");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The text tesseract reads in an image file, Vietnamese model, automatic page segmentation.</summary>
    public static string Read(string imagePath)
    {
        var (code, output) = Run("tesseract", imagePath, "stdout", "-l", "vie", "--psm", "3");
        return code == 0 ? output : throw new InvalidOperationException($"tesseract failed on {imagePath} (exit {code}): {output}");
    }

    /// <summary>
    /// 100 × (1 − edit distance ÷ length of the truth), on NFC text with runs of white space made one space:
    /// the usual OCR character accuracy (ISRI), so a page where OCR reads nothing scores 0.
    /// </summary>
    public static double CharacterAccuracy(string truth, string read)
    {
        var expected = Canonical(truth);
        var actual = Canonical(read);
        return 100.0 * Math.Max(0, 1.0 - ((double)EditDistance(expected, actual) / expected.Length));
    }

    private static string Canonical(string text) =>
        string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // One thread per page: the machine's cores are shared, and OpenMP spinning only adds contention.
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? output.Result : output.Result + error.Result);
    }
}
