using System.Globalization;
using System.Text;
using NetVips;

namespace OneStop.Bench.Harness;

/// <summary>A rendered page: the printed text it carries (what OCR should read) and its clean 300 dpi image.</summary>
internal sealed record SyntheticPage(string Text, byte[] Png);

/// <summary>
/// Vietnamese administrative pages drawn at 300 dpi (A4, 2480 × 3508): printed text full of diacritics, a red
/// round stamp over the signer's name and a pen signature; then captured the two ways a desk captures paper,
/// a phone photo (skewed, lit from one side, out of focus, sensor noise, JPEG) and a flatbed scan.
/// </summary>
internal static class SyntheticPages
{
    private const int Width = 2480;
    private const int Height = 3508;
    private const int Margin = 236; // 2 cm

    private static readonly string[] Names = ["Nguyễn Thị Hằng", "Trần Văn Đức", "Lê Hoàng Yến", "Phạm Quốc Việt", "Đặng Thị Thuỷ", "Vũ Minh Khôi", "Hoàng Ngọc Ánh", "Bùi Thế Lưỡng"];
    private static readonly string[] Places = ["xã Quỳnh Lưu, tỉnh Nghệ An", "phường Đông Hải, tỉnh Thanh Hoá", "xã Ea Tiêu, tỉnh Đắk Lắk", "xã Mường Phăng, tỉnh Điện Biên", "phường Hưng Lợi, thành phố Cần Thơ", "xã Tả Phìn, tỉnh Lào Cai"];
    private static readonly string[] Requests = ["cấp bản sao trích lục khai sinh", "đăng ký thường trú", "chứng thực chữ ký trên giấy uỷ quyền", "cấp giấy xác nhận tình trạng hôn nhân", "đăng ký khai tử cho người thân", "xác nhận hộ nghèo năm hiện tại"];

    private static readonly string[] Clauses =
    [
        "Tôi xin cam đoan những lời khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.",
        "Hồ sơ kèm theo gồm bản chụp căn cước công dân, giấy tờ chứng minh nơi cư trú và các giấy tờ liên quan khác.",
        "Đề nghị Uỷ ban nhân dân xem xét, giải quyết theo đúng quy định; kết quả xin nhận trực tiếp tại bộ phận một cửa.",
        "Lệ phí đã nộp đủ theo biểu phí hiện hành; biên lai được đính kèm hồ sơ này để đối chiếu khi cần thiết.",
        "Trường hợp cần bổ sung giấy tờ, đề nghị cán bộ tiếp nhận thông báo qua số điện thoại đã ghi ở trên.",
        "Người được uỷ quyền chỉ thực hiện các công việc ghi trong giấy này, không được uỷ quyền lại cho người khác.",
        "Thời hạn giải quyết là năm ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ, không kể ngày nghỉ lễ, Tết.",
    ];

    public static SyntheticPage Render(int seed)
    {
        var random = new Random(seed);
        var name = Names[random.Next(Names.Length)];
        var place = Places[random.Next(Places.Length)];
        var request = Requests[random.Next(Requests.Length)];
        var day = random.Next(1, 28);
        var month = random.Next(1, 12);
        var year = random.Next(1950, 2005);
        var cccd = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + random.Next(10))));
        var phone = "09" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('0' + random.Next(10))));
        var body = new List<string>
        {
            "Kính gửi: Uỷ ban nhân dân " + place,
            string.Create(CultureInfo.InvariantCulture, $"Tôi tên là: {name}, sinh ngày {day:00}/{month:00}/{year}."),
            "Số định danh cá nhân: " + cccd + "; số điện thoại: " + phone + ".",
            "Nơi thường trú: thôn Đông Hưng, " + place + ".",
            "Nay tôi làm đơn này đề nghị " + request + ".",
        };
        body.AddRange(Clauses.OrderBy(_ => random.Next()).Take(4));

        using var paper = Image.Black(Width, Height, bands: 3).NewFromImage(252, 251, 247).Copy(interpretation: Enums.Interpretation.Srgb);
        var page = paper.Copy();
        var text = new StringBuilder();
        var y = Margin;
        page = Print(page, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "DejaVu Sans Bold 13", Enums.Align.Centre, ref y, text);
        page = Print(page, "Độc lập - Tự do - Hạnh phúc", "DejaVu Sans 13", Enums.Align.Centre, ref y, text);
        y += 120;
        page = Print(page, "ĐƠN ĐỀ NGHỊ", "DejaVu Sans Bold 15", Enums.Align.Centre, ref y, text);
        y += 60;
        foreach (var line in body)
        {
            page = Print(page, line, "DejaVu Serif 12", Enums.Align.Low, ref y, text);
            y += 24;
        }

        y += 60;
        var dated = string.Create(CultureInfo.InvariantCulture, $"Ngày {random.Next(1, 28):00} tháng {random.Next(1, 12):00} năm 2026");
        page = Print(page, dated, "DejaVu Serif Italic 12", Enums.Align.High, ref y, text);
        page = Print(page, "NGƯỜI LÀM ĐƠN", "DejaVu Sans Bold 12", Enums.Align.High, ref y, text);
        var signatureTop = y;
        y += 260;
        page = Print(page, name, "DejaVu Serif Bold 12", Enums.Align.High, ref y, text);
        page = Signature(page, random, Width - Margin - 620, signatureTop + 30);
        page = Stamp(page, Width - Margin - 900, signatureTop - 40);
        using (page)
        {
            return new SyntheticPage(text.ToString().Trim(), page.PngsaveBuffer(compression: 1));
        }
    }

    /// <summary>A phone held over the desk: a few degrees off, lit from one side, slightly out of focus, noisy, JPEG.</summary>
    public static byte[] Photograph(SyntheticPage page, int seed)
    {
        var random = new Random(seed);
        using var clean = Image.NewFromBuffer(page.Png);
        var angle = (random.NextDouble() * 5) - 2.5;
        using var skewed = clean.Similarity(angle: angle, background: [150, 140, 125]);
        using var xy = Image.Xyz(skewed.Width, skewed.Height);
        using var x = xy[0];
        using var yy = xy[1];
        // Light falls off from the top-left lamp to about 55 % in the far corner.
        using var light = (((x / (double)skewed.Width) * 0.25) + ((yy / (double)skewed.Height) * 0.2)) * -1.0 + 1.0;
        using var lit = skewed.Cast(Enums.BandFormat.Float) * light;
        using var warm = lit * new[] { 1.0, 0.96, 0.88 };
        using var blurred = warm.Gaussblur(1.3);
        using var noise = Image.Gaussnoise(skewed.Width, skewed.Height, sigma: 7, mean: 0);
        using var noisy = blurred + noise;
        using var bytes = noisy.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return bytes.JpegsaveBuffer(q: 85);
    }

    /// <summary>A flatbed scan at 300 dpi: straight within half a degree, even light, crisp, JPEG at high quality.</summary>
    public static byte[] Scan(SyntheticPage page, int seed)
    {
        var random = new Random(seed);
        using var clean = Image.NewFromBuffer(page.Png);
        using var skewed = clean.Similarity(angle: random.NextDouble() - 0.5, background: [255, 255, 255]);
        using var blurred = skewed.Gaussblur(0.6);
        using var noise = Image.Gaussnoise(skewed.Width, skewed.Height, sigma: 3, mean: 0);
        using var noisy = blurred + noise;
        using var bytes = noisy.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return bytes.JpegsaveBuffer(q: 92);
    }

    private static Image Print(Image page, string line, string font, Enums.Align align, ref int y, StringBuilder text)
    {
        using var mask = Image.Text(line, font: font, width: Width - (2 * Margin), dpi: 300, align: align, wrap: Enums.TextWrap.Word);
        var x = align switch
        {
            Enums.Align.Centre => (Width - mask.Width) / 2,
            Enums.Align.High => Width - Margin - 700 - (mask.Width / 2),
            _ => Margin,
        };
        using var placed = Ink(page, mask, [20, 20, 24], x, y);
        y += mask.Height + 30;
        text.Append(line).Append('\n');
        page.Dispose();
        return placed.Copy();
    }

    // A red double ring with the office's name, pressed over the signer's name as real stamps are.
    private static Image Stamp(Image page, int left, int top)
    {
        const int Size = 520;
        using var ring = Image.Black(Size, Size).Mutate(m =>
        {
            for (var r = 0; r < 10; r++)
            {
                m.DrawCircle([255], Size / 2, Size / 2, (Size / 2) - 4 - r);
                m.DrawCircle([255], Size / 2, Size / 2, (Size / 2) - 46 - (r / 2));
            }
        });
        using var words = Image.Text("UỶ BAN NHÂN DÂN\nXÃ ĐÔNG HƯNG", font: "DejaVu Sans Bold 9", dpi: 300, align: Enums.Align.Centre);
        using var stamp = ring.Insert(words, (Size - words.Width) / 2, (Size - words.Height) / 2, expand: false);
        using var faded = stamp * 0.8;
        using var mask = faded.Cast(Enums.BandFormat.Uchar);
        using var placed = Ink(page, mask, [205, 30, 40], left, top);
        page.Dispose();
        return placed.Copy();
    }

    // Handwriting-like strokes: a looping signature in blue ballpoint, a few pixels thick.
    private static Image Signature(Image page, Random random, int left, int top)
    {
        const int W = 560, H = 220;
        var points = new List<(int X, int Y)>();
        for (var t = 0.0; t < 1.0; t += 0.004)
        {
            var px = (int)((t * (W - 40)) + 20 + (30 * Math.Sin(t * 31)));
            var py = (int)((H / 2) + (70 * Math.Sin((t * 19) + random.NextDouble() * 0.2) * Math.Cos(t * 5)));
            points.Add((px, py));
        }

        using var strokes = Image.Black(W, H).Mutate(m =>
        {
            for (var i = 1; i < points.Count; i++)
            {
                for (var d = 0; d < 4; d++)
                {
                    m.DrawLine([255], points[i - 1].X + (d % 2), points[i - 1].Y + (d / 2), points[i].X + (d % 2), points[i].Y + (d / 2));
                }
            }
        });
        using var soft = strokes.Gaussblur(0.8).Cast(Enums.BandFormat.Uchar);
        using var placed = Ink(page, soft, [25, 45, 150], left, top);
        page.Dispose();
        return placed.Copy();
    }

    /// <summary>Lays ink of one colour on the page through a coverage mask (255 = full ink).</summary>
    private static Image Ink(Image page, Image mask, double[] colour, int left, int top)
    {
        using var full = Image.Black(page.Width, page.Height).Insert(mask, left, top);
        using var alpha = full.Cast(Enums.BandFormat.Float) / 255.0;
        using var inverse = alpha * -1.0 + 1.0;
        using var kept = page.Cast(Enums.BandFormat.Float) * inverse;
        using var inked = alpha * colour;
        using var sum = kept + inked;
        return sum.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
    }
}
