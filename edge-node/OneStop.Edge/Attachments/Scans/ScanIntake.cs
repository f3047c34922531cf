using Microsoft.Extensions.Options;
using OneStop.Edge.Store;
using OneStop.Scans;

namespace OneStop.Edge.Attachments.Scans;

/// <summary>What an attachment stores and sends: the small copy of a scan (with its original's name), or the file as it came.</summary>
/// <param name="Content">The content that travels.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Original">The original kept on the node, when the content is a small copy.</param>
public sealed record IntakeContent(byte[] Content, string ContentType, KeptOriginal? Original);

/// <summary>The full-size capture a small copy was made from.</summary>
public sealed record KeptOriginal(string Sha256, long Size, string ContentType);

/// <summary>
/// Shrinks a page photo or scan at intake and keeps the original on the node. The original is written before the
/// attachment record: a power cut in between leaves an original nobody points at, never a record whose original is lost.
/// </summary>
public sealed class ScanIntake(ScanOriginals originals, IOptions<ScanIntakeOptions> options)
{
    public async Task<IntakeContent> PrepareAsync(byte[] content, string contentType, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (!settings.Shrink || !ScanNormaliser.Accepts(contentType) || content.Length <= settings.MaxBytes)
        {
            return new IntakeContent(content, contentType, null);
        }

        var scanOptions = new ScanOptions { MaxBytes = settings.MaxBytes, LongSidePixels = settings.LongSidePixels };
        // libvips works for seconds on a Pi: off the request's thread.
        var small = await Task.Run(() => ScanNormaliser.TryNormalise(content, scanOptions), cancellationToken);
        if (small is null)
        {
            return new IntakeContent(content, contentType, null);
        }

        var original = new KeptOriginal(BlobStore.HashOf(content), content.LongLength, contentType);
        await originals.KeepAsync(original.Sha256, BlobStore.HashOf(small.Content), contentType, content, cancellationToken);
        return new IntakeContent(small.Content, small.ContentType, original);
    }
}
