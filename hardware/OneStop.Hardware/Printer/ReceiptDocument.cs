namespace OneStop.Hardware.Printer;

/// <summary>
/// A slip as plain data; the printer decides how to lay it out for its paper width and character support.
/// </summary>
public sealed record ReceiptDocument
{
    /// <summary>Centered, bold lines at the top (office name, slip kind).</summary>
    public IReadOnlyList<string> TitleLines { get; init; } = [];

    /// <summary>Printed large and centered, e.g. the queue number.</summary>
    public string? Headline { get; init; }

    public IReadOnlyList<ReceiptField> Fields { get; init; } = [];

    /// <summary>Raw QR content (UTF-8), e.g. the signed slip token.</summary>
    public string? QrPayload { get; init; }

    public IReadOnlyList<string> FooterLines { get; init; } = [];
}

public readonly record struct ReceiptField(string Label, string Value);
