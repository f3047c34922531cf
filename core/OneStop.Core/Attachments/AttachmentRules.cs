namespace OneStop.Core.Attachments;

/// <summary>
/// What an attachment may be: scans and photos of papers. Anything else (a web page, a program) could be served
/// back to a browser or opened at another desk, so the door refuses it; a file name is the person's label, never a path.
/// </summary>
public static class AttachmentRules
{
    /// <summary>Longest file name kept: 120 characters.</summary>
    public const int MaxFileNameChars = 120;

    /// <summary>Name used when nothing usable is left of the given one.</summary>
    public const string FallbackFileName = "tep-dinh-kem";

    /// <summary>PDF, JPEG, PNG, TIFF and WebP: what scanners and phone cameras produce.</summary>
    public static readonly IReadOnlySet<string> AllowedContentTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/jpeg", "image/png", "image/tiff", "image/webp",
    };

    /// <summary>The media type without parameters ("image/png; q=1" → "image/png"), lower case.</summary>
    public static string MediaType(string? contentType) =>
        (contentType ?? string.Empty).Split(';', 2)[0].Trim().ToLowerInvariant();

    public static bool IsAllowed(string? contentType) => AllowedContentTypes.Contains(MediaType(contentType));

    /// <summary>
    /// The last path segment of <paramref name="name"/> whichever separator it uses ('/' or '\'), without control
    /// characters (CR, LF, NUL, ...), trimmed of dots and spaces at the ends, and bounded; a fallback when empty
    /// (".", "..", only separators). <c>Path.GetFileName</c> on Linux keeps '\' and control characters, hence this.
    /// </summary>
    public static string SafeFileName(string? name)
    {
        var last = (name ?? string.Empty).Split('/', '\\')[^1];
        var clean = new string([.. last.Where(c => !char.IsControl(c) && c is not (':' or '*' or '?' or '"' or '<' or '>' or '|'))]).Trim().Trim('.').Trim();
        if (clean.Length > MaxFileNameChars)
        {
            clean = clean[..MaxFileNameChars];
        }

        return clean.Length == 0 ? FallbackFileName : clean;
    }
}
