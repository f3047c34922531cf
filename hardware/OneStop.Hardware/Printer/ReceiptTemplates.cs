using System.Globalization;

namespace OneStop.Hardware.Printer;

/// <summary>The two slips the intake flow prints, in Vietnamese as handed to residents.</summary>
public static class ReceiptTemplates
{
    private const string TimeFormat = "HH:mm dd/MM/yyyy";

    public static ReceiptDocument QueueTicket(string officeName, string ticketNumber, string serviceName, DateTimeOffset issuedAt, int waitingAhead) => new()
    {
        TitleLines = [officeName, "PHIẾU SỐ THỨ TỰ"],
        Headline = ticketNumber,
        Fields =
        [
            new("Dịch vụ", serviceName),
            new("Thời gian", issuedAt.ToString(TimeFormat, CultureInfo.InvariantCulture)),
            new("Số người chờ trước", waitingAhead.ToString(CultureInfo.InvariantCulture)),
        ],
        FooterLines = ["Vui lòng chờ đến lượt."],
    };

    public static ReceiptDocument AppointmentSlip(
        string officeName,
        string dossierCode,
        string applicantName,
        string procedureName,
        DateTimeOffset receivedAt,
        DateTimeOffset appointmentAt,
        string qrPayload) => new()
        {
            TitleLines = [officeName, "GIẤY TIẾP NHẬN HỒ SƠ", "VÀ HẸN TRẢ KẾT QUẢ"],
            Fields =
            [
                new("Mã hồ sơ", dossierCode),
                new("Người nộp", applicantName),
                new("Thủ tục", procedureName),
                new("Ngày nhận", receivedAt.ToString(TimeFormat, CultureInfo.InvariantCulture)),
                new("Ngày hẹn trả", appointmentAt.ToString(TimeFormat, CultureInfo.InvariantCulture)),
            ],
            QrPayload = qrPayload,
            FooterLines = ["Quét mã QR để tra cứu hồ sơ."],
        };
}
