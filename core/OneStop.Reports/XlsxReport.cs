using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OneStop.Reports;

/// <summary>An .xlsx workbook of a <see cref="ReportSheet"/>: numbers stay numbers, so offices can sum and chart them.</summary>
public static class XlsxReport
{
    public static byte[] Write(ReportSheet sheet, bool english)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, sheet.Headings(english).Cast<object?>()));
            uint index = 2;
            foreach (var cells in sheet.Cells(english))
            {
                data.Append(Row(index++, cells));
            }

            worksheet.Worksheet = new Worksheet(data);
            var name = string.Create(CultureInfo.InvariantCulture, $"{sheet.Range.First:yyyy-MM-dd} {sheet.Range.Last:yyyy-MM-dd}");
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = name }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<object?> values)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in values)
        {
            var reference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(value switch
            {
                null => new Cell { CellReference = reference },
                string text => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
                IFormattable number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number.ToString(null, CultureInfo.InvariantCulture)) },
                _ => new Cell { CellReference = reference },
            });
        }

        return row;
    }

    /// <summary>A1-style column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
