namespace OneStop.Hardware.Printer;

public enum VietnameseTextMode
{
    /// <summary>Text drawn as a bitmap with <c>GS v 0</c>: works on every printer, slower.</summary>
    Raster,

    /// <summary>Windows-1258 with combining tone marks; only printers that compose marks print it right.</summary>
    CodePage1258,

    /// <summary>Diacritics stripped to ASCII: readable, lossy; for printers without a Vietnamese table.</summary>
    AsciiFold,
}
