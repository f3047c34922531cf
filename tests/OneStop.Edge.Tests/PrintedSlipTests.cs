using OneStop.Core.Dossiers;
using OneStop.Edge.Ui;
using OneStop.Ui.Ports;

namespace OneStop.Edge.Tests;

public sealed class PrintedSlipTests
{
    private static readonly Guid Id = Guid.Parse("019ad3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d");
    private static readonly DateTimeOffset Received = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AppointmentSlip_DossierWithPublicCode_PrintsTheCodeResidentsTypeInGroups()
    {
        var dossier = new DeskDossier(Id, "hotich.khaisinh", "Lò Thị Hoa", DossierStatus.Received, Received, new Dictionary<string, string>()) { PublicCode = "4VMBJYVZK6XV" };

        var slip = EdgeDeskDevices.AppointmentSlip("UBND xã Sa Pa", dossier, "Đăng ký khai sinh", Received, new DateOnly(2026, 12, 4), "https://hub/status/4VMBJYVZK6XV");

        Assert.Contains(slip.Fields, f => f.Label == "Mã hồ sơ" && f.Value == "4VMB-JYVZ-K6XV");
    }

    [Fact]
    public void AppointmentSlip_DossierOlderThanPublicCodes_PrintsTheIdBasedCodeAsBefore()
    {
        var dossier = new DeskDossier(Id, "hotich.khaisinh", "Lò Thị Hoa", DossierStatus.Received, Received, new Dictionary<string, string>());

        var slip = EdgeDeskDevices.AppointmentSlip("UBND xã Sa Pa", dossier, null, Received, new DateOnly(2026, 12, 4), "https://hub/status/x");

        // The first 12 hex digits of the id, upper case: what slips printed before public codes carried.
        Assert.Contains(slip.Fields, f => f.Label == "Mã hồ sơ" && f.Value == "019AD3C45E6F");
        Assert.Contains(slip.Fields, f => f.Label == "Thủ tục" && f.Value == "hotich.khaisinh");
    }
}
