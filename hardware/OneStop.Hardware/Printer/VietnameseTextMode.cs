namespace OneStop.Hardware.Printer;

/// <summary>How a profile prints Vietnamese. In every mode but <see cref="AsciiFold"/>, a line the chosen table cannot hold is drawn as raster.</summary>
public enum VietnameseTextMode
{
    /// <summary>Lines with any non-ASCII letter drawn with the built-in font as <c>GS v 0</c>: works on every printer, slower.</summary>
    Raster,

    /// <summary>Windows-1258 with combining tone marks; only printers that compose marks print it right.</summary>
    CodePage1258,

    /// <summary>TCVN3 (TCVN 5712:1993 VN3) single bytes; lines with a toned capital (Á, Ữ), which VN3 lacks, go raster.</summary>
    CodePageTcvn3,

    /// <summary>Diacritics stripped to ASCII: readable, lossy; for printers without a Vietnamese table.</summary>
    AsciiFold,
}
