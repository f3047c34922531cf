using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Core.Slips;
using OneStop.Ui.Pages.Desk;
using OneStop.Ui.Ports;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class SlipAndProcedurePageTests
{
    [Fact]
    public void Slip_ReceivedDossier_CommuneOfficerDocumentsAndWrappingCode()
    {
        var desk = new FakeIntakeDesk();
        var dossier = FakeIntakeDesk.Dossier(Guid.CreateVersion7(), "hotich.khaisinh", DossierStatus.Received) with
        {
            DueDate = new DateOnly(2026, 12, 1),
            ReceivedAt = DeskPageContext.Now,
            ReceivedBy = "canbo",
        };
        desk.Dossiers[dossier.Id] = dossier;
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff, services => services.AddSingleton<ISlipSeals>(new PlainSeals()));

        var slip = context.Render<Slip>(p => p.Add(x => x.Id, dossier.Id));

        Assert.Equal("ỦY BAN NHÂN DÂN XÃ SA PA", slip.Find("[data-testid=slip-commune]").TextContent);
        Assert.Equal("canbo", slip.Find("[data-testid=slip-officer]").TextContent);
        Assert.Equal(DossierCode.Of(dossier.Id), slip.Find("[data-testid=slip-code]").TextContent);
        Assert.Contains("slip-code", slip.Find("[data-testid=slip-code]").ClassList);
        var documents = slip.FindAll("[data-testid=slip-documents] li").Select(li => li.TextContent).ToList();
        Assert.Contains("Tờ khai đăng ký khai sinh (theo mẫu)", documents);
        // Documents only shown ("present"), such as the identity card, were not received.
        Assert.DoesNotContain(documents, d => d.StartsWith("Giấy tờ tùy thân", StringComparison.Ordinal));
    }

    [Fact]
    public void ProcedurePage_BirthRegistration_LegalBasisListedAndExemptGroupsInOneLanguage()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);

        var page = context.Render<ProcedureDetail>(p => p.Add(x => x.Code, "hotich.khaisinh"));

        Assert.Contains("Luật Hộ tịch số 60/2014/QH13", page.Find("[data-testid=proc-legal]").TextContent, StringComparison.Ordinal);
        var groups = page.FindAll("[data-testid=proc-exempt-group]").Select(li => li.TextContent).ToList();
        Assert.Contains("Người thuộc hộ nghèo", groups);
        Assert.DoesNotContain(groups, g => g.Contains(" / ", StringComparison.Ordinal) || g.Contains("households", StringComparison.Ordinal));
    }

    [Fact]
    public void DossierPage_ResidentRated_RatingAndCommentShownToStaffNotVolunteers()
    {
        var desk = new FakeIntakeDesk();
        var dossier = FakeIntakeDesk.Dossier(Guid.NewGuid(), "chungthuc.chuky", DossierStatus.ResultReturned);
        desk.Dossiers[dossier.Id] = dossier;
        using var staff = DeskPageContext.Create(desk, DeskRoles.Staff);
        staff.Services.GetRequiredService<FakeDeskFeedback>().ByDossier[dossier.Id] = new DeskFeedbackEntry(4, "Phải chờ lâu.", DeskPageContext.Now);
        using var volunteer = DeskPageContext.Create(desk, DeskRoles.Volunteer);
        volunteer.Services.GetRequiredService<FakeDeskFeedback>().ByDossier[dossier.Id] = new DeskFeedbackEntry(4, "Phải chờ lâu.", DeskPageContext.Now);

        var shown = staff.Render<DossierDetail>(p => p.Add(x => x.Id, dossier.Id));
        var hidden = volunteer.Render<DossierDetail>(p => p.Add(x => x.Id, dossier.Id));

        Assert.Equal("4", shown.Find("[data-testid=dossier-feedback-rating]").GetAttribute("data-rating"));
        Assert.Equal("Phải chờ lâu.", shown.Find("[data-testid=dossier-feedback-comment]").TextContent);
        Assert.Empty(hidden.FindAll("[data-testid=dossier-feedback]"));
    }

    private sealed class PlainSeals : ISlipSeals
    {
        public NodePublicKey PublicKey { get; } = new("node-test", string.Empty, string.Empty);

        public string Seal(Guid dossierId, DateOnly dueDate) => "seal";

        public SlipVerification Verify(string scanned) => new(SlipCheck.Malformed, null, false);
    }
}
