using System.Diagnostics.CodeAnalysis;
using OneStop.Hardware.Text;

namespace OneStop.Hardware.Printer.CodePages;

/// <summary>
/// TCVN3 (VN3): all lowercase Vietnamese and the toneless capitals Ă Â Ê Ô Ơ Ư Đ. A line with a toned capital
/// ("Ánh", "ĐỨC") is not in the table and goes to raster; switching to the printer's capitals table
/// (Epson 31, "TCVN-3-2") mid-line is not attempted because clones differ in whether they have it.
/// </summary>
internal sealed class Tcvn3CodePage(int codeTable) : PrinterCodePage
{
    public override int? CodeTable => codeTable;

    public override bool TryEncode(string line, [NotNullWhen(true)] out byte[]? bytes) => Tcvn3.TryEncode(line, out bytes);
}
