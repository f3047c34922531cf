using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Dossiers;
using OneStop.Ui.Pages.Desk;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class EditDossierPageTests
{
    [Fact]
    public void Save_ReceivedDossierWithoutReason_ButtonDisabledAndNothingSent()
    {
        var (desk, id) = Received();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var page = context.Render<EditDossier>(p => p.Add(x => x.Id, id));

        page.Find("#applicant_name").Input("Lý Văn Sủ");

        Assert.True(page.Find("[data-testid=edit-save]").HasAttribute("disabled"));
        Assert.Empty(context.Services.GetRequiredService<FakeDossierEdits>().Saved);
    }

    [Fact]
    public void Save_ReceivedDossierWithReason_SendsNameAnswersAndReasonThenShowsTheDossier()
    {
        var (desk, id) = Received();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var page = context.Render<EditDossier>(p => p.Add(x => x.Id, id));

        page.Find("#applicant_name").Input("Lý Văn Sử Sửa");
        page.Find("#f-document-title").Input("Giấy ủy quyền");
        page.Find("[data-testid=edit-reason]").Input("Gõ nhầm tên");
        page.Find("[data-testid=edit-save]").Click();

        var saved = Assert.Single(context.Services.GetRequiredService<FakeDossierEdits>().Saved);
        Assert.Equal((id, "Lý Văn Sử Sửa", "Gõ nhầm tên"), (saved.Id, saved.Name, saved.Reason));
        Assert.Equal("Giấy ủy quyền", saved.Answers["document.title"]);
        Assert.EndsWith($"/dossiers/{id}?done=corrected", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_DraftWithHalfTheAnswers_SavedWithoutReasonOrRequiredErrors()
    {
        var desk = new FakeIntakeDesk();
        var draft = FakeIntakeDesk.Dossier(Guid.NewGuid(), "hotich.khaisinh", DossierStatus.Draft) with { ApplicantName = string.Empty };
        desk.Dossiers[draft.Id] = draft;
        using var context = DeskPageContext.Create(desk, DeskRoles.Volunteer);
        var page = context.Render<EditDossier>(p => p.Add(x => x.Id, draft.Id));

        page.Find("#f-child-full_name").Input("Vàng Thị Hoa");
        page.Find("[data-testid=edit-save]").Click();

        var saved = Assert.Single(context.Services.GetRequiredService<FakeDossierEdits>().Saved);
        Assert.Null(saved.Reason);
        Assert.Equal("Vàng Thị Hoa", saved.Answers["child.full_name"]);
        Assert.Empty(page.FindAll("[data-testid=edit-reason]"));
    }

    [Fact]
    public void Corrections_Recorded_ShownWithWhoWhyAndWhatOnTheDossier()
    {
        var (desk, id) = Received();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        context.Services.GetRequiredService<FakeDossierEdits>().Corrections[id] =
        [
            new Correction(DeskPageContext.Now, "canbo", "Gõ nhầm tên", [new FieldCorrection("applicant_name", "Lý Văn Sủ", "Lý Văn Sử")]),
        ];

        var page = context.Render<DossierDetail>(p => p.Add(x => x.Id, id));

        var correction = page.Find("[data-testid=correction]").TextContent;
        Assert.Contains("bởi canbo", correction, StringComparison.Ordinal);
        Assert.Contains("Lý do: Gõ nhầm tên", correction, StringComparison.Ordinal);
        Assert.Contains("\"Lý Văn Sủ\" → \"Lý Văn Sử\"", correction, StringComparison.Ordinal);
        Assert.Equal($"/dossiers/{id}/edit", page.Find("[data-testid=edit-link]").GetAttribute("href"));
    }

    [Fact]
    public void EditLink_VolunteerOnReceivedDossier_NotOffered()
    {
        var (desk, id) = Received();
        using var context = DeskPageContext.Create(desk, DeskRoles.Volunteer);

        var page = context.Render<DossierDetail>(p => p.Add(x => x.Id, id));

        Assert.Empty(page.FindAll("[data-testid=edit-link]"));
    }

    private static (FakeIntakeDesk Desk, Guid Id) Received()
    {
        var desk = new FakeIntakeDesk();
        var dossier = FakeIntakeDesk.Dossier(Guid.NewGuid(), "chungthuc.chuky", DossierStatus.Received);
        desk.Dossiers[dossier.Id] = dossier;
        return (desk, dossier.Id);
    }
}
