using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Ui.Pages.Desk;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class FileDossierPageTests
{
    [Fact]
    public void MotherIdNumber_TypedWithWrongSexDigit_ErrorShownBeforeAnySave()
    {
        var desk = new FakeIntakeDesk();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var page = context.Render<FileDossier>(p => p.Add(x => x.Code, "hotich.khaisinh"));

        // 0 as 4th digit means "man born in the 1900s"; the field asks for the mother.
        page.Find("#f-mother-id_number").Input("001095012345");

        var error = page.Find("[data-key='mother.id_number'] [data-testid=field-error]");
        Assert.Contains("Chữ số thứ 4 của CCCD không khớp với giới tính", error.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.Find("#f-mother-id_number").GetAttribute("aria-invalid"));
        Assert.Empty(desk.Filed);
    }

    [Fact]
    public void MotherIdNumber_Corrected_ErrorGoes()
    {
        var desk = new FakeIntakeDesk();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var page = context.Render<FileDossier>(p => p.Add(x => x.Code, "hotich.khaisinh"));
        page.Find("#f-mother-id_number").Input("001095012345");

        page.Find("#f-mother-id_number").Input("001195012345");

        Assert.Empty(page.FindAll("[data-key='mother.id_number'] [data-testid=field-error]"));
    }

    [Fact]
    public void SaveDraft_HalfFilled_FilesDraftWithWhatWasTyped()
    {
        var desk = new FakeIntakeDesk();
        using var context = DeskPageContext.Create(desk, DeskRoles.Volunteer);
        var page = context.Render<FileDossier>(p => p.Add(x => x.Code, "hotich.khaisinh"));
        page.Find("#applicant_name").Input("Vàng Thị Lan");
        page.Find("#f-child-full_name").Input("Vàng Thị Hoa");

        page.Find("[data-testid=save-draft]").Click();

        var filed = Assert.Single(desk.Filed);
        Assert.False(filed.Receive);
        Assert.Equal("Vàng Thị Lan", filed.ApplicantName);
        Assert.Equal("Vàng Thị Hoa", filed.Answers["child.full_name"]);
        var id = Assert.Single(desk.Dossiers).Key;
        Assert.EndsWith($"/dossiers/{id}?done=draft", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_Volunteer_ButtonDisabled()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Volunteer);

        var page = context.Render<FileDossier>(p => p.Add(x => x.Code, "chungthuc.chuky"));

        Assert.True(page.Find("[data-testid=receive]").HasAttribute("disabled"));
        Assert.False(page.Find("[data-testid=save-draft]").HasAttribute("disabled"));
    }

    [Fact]
    public void Form_HasNoFormElement_SoEnterInAFieldSubmitsNothing()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);

        var page = context.Render<FileDossier>(p => p.Add(x => x.Code, "chungthuc.chuky"));

        Assert.Empty(page.FindAll("form"));
        Assert.All(page.FindAll("button"), button => Assert.Equal("button", button.GetAttribute("type")));
    }
}
