namespace OneStop.Scans;

/// <summary>The copy of a page that travels.</summary>
/// <param name="Content">The encoded page.</param>
/// <param name="ContentType">Its media type (WebP).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Quality">The WebP quality that fitted the budget.</param>
/// <param name="Colour">Whether the page was kept in colour (grey otherwise).</param>
public sealed record NormalisedScan(byte[] Content, string ContentType, int Width, int Height, int Quality, bool Colour);
