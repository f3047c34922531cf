using Bunit;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Identity;
using OneStop.Ui.Pages.Desk;
using OneStop.Ui.Security;

namespace OneStop.Ui.Tests.Pages;

public sealed class IdCardFillPageTests
{
    // A woman (4th digit 1 = woman born in the 1900s) with the card's own dates; the key opens only her chip.
    private static readonly CccdQrData Mother = new("001195012345", null, "Vàng Thị Lan", new DateOnly(1995, 3, 2), Sex.Female, "Thôn Lao Chải, xã Sa Pa", new DateOnly(2021, 1, 1));
    private static readonly CccdChipKey MotherKey = CccdChipKey.For(Mother.IdNumber, Mother.BirthDate, new DateOnly(2035, 3, 2));

    [Fact]
    public async Task CardPresented_KeyFromScannedQr_FillsRequesterWithoutAClick()
    {
        var desk = new FakeIntakeDesk();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var card = context.Services.GetRequiredService<FakeIdCard>();
        card.ScannedKey = MotherKey;
        var page = context.Render<FileDossier>(p => p.Add(x => x.Code, "hotich.khaisinh"));

        await page.InvokeAsync(() => card.PresentAsync(Mother, MotherKey));

        page.WaitForAssertion(() => Assert.Equal("001195012345", page.Find("#f-requester-id_number").GetAttribute("value")));
        Assert.Equal("Vàng Thị Lan", page.Find("#f-requester-full_name").GetAttribute("value"));
        Assert.Equal("Thôn Lao Chải, xã Sa Pa", page.Find("#f-requester-residence").GetAttribute("value") ?? page.Find("#f-requester-residence").TextContent);
        Assert.Equal("Vàng Thị Lan", page.Find("#applicant_name").GetAttribute("value"));
        Assert.Contains("chip", page.Find("[data-testid=card-result]").TextContent, StringComparison.Ordinal);
        Assert.Null(Assert.Single(card.Reads));
    }

    [Fact]
    public void ReadCard_FilledThenEdited_DraftKeepsTheEditAndSaysDataReused()
    {
        var desk = new FakeIntakeDesk();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var card = context.Services.GetRequiredService<FakeIdCard>();
        card.Card = (Mother, MotherKey);
        card.ScannedKey = MotherKey;
        var page = context.Render<FileDossier>(p => p.Add(x => x.Code, "hotich.khaisinh"));

        page.Find("[data-testid=read-card]").Click();
        page.Find("#f-requester-full_name").Input("Vàng Thị Lan Anh");
        page.Find("[data-testid=save-draft]").Click();

        var filed = Assert.Single(desk.Filed);
        Assert.True(filed.DataReused);
        Assert.Equal("Vàng Thị Lan Anh", filed.Answers["requester.full_name"]);
        Assert.Equal("001195012345", filed.Answers["requester.id_number"]);
    }

    [Fact]
    public void ReadCard_MotherChosenWithTypedKey_FillsMotherAndLeavesApplicantAndRequester()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);
        var card = context.Services.GetRequiredService<FakeIdCard>();
        card.Card = (Mother, MotherKey);
        var page = context.Render<FileDossier>(p => p.Add(x => x.Code, "hotich.khaisinh"));

        page.Find("[data-testid=card-person]").Change("mother");
        page.Find("[data-testid=card-key-number]").Input("001195012345");
        page.Find("[data-testid=card-key-birth]").Change("1995-03-02");
        page.Find("[data-testid=card-key-expiry]").Change("2035-03-02");
        page.Find("[data-testid=read-card]").Click();

        Assert.Equal(MotherKey, Assert.Single(card.Reads));
        Assert.Equal("001195012345", page.Find("#f-mother-id_number").GetAttribute("value"));
        Assert.Equal("Vàng Thị Lan", page.Find("#f-mother-full_name").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.Find("#f-requester-id_number").GetAttribute("value")));
        Assert.True(string.IsNullOrEmpty(page.Find("#applicant_name").GetAttribute("value")));
    }

    [Fact]
    public void ReadCard_ChipRefusesTheKey_SaysSoAndFillsNothing()
    {
        var desk = new FakeIntakeDesk();
        using var context = DeskPageContext.Create(desk, DeskRoles.Staff);
        var card = context.Services.GetRequiredService<FakeIdCard>();
        card.Card = (Mother, MotherKey);
        card.ScannedKey = MotherKey with { ExpiryDate = new DateOnly(2030, 3, 2) };
        var page = context.Render<FileDossier>(p => p.Add(x => x.Code, "hotich.khaisinh"));

        page.Find("[data-testid=read-card]").Click();

        Assert.Contains("Chip không chấp nhận", page.Find("[data-testid=card-result]").TextContent, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(page.Find("#f-requester-id_number").GetAttribute("value")));
        page.Find("#applicant_name").Input("Vàng Thị Lan");
        page.Find("[data-testid=save-draft]").Click();
        Assert.False(Assert.Single(desk.Filed).DataReused);
    }

    [Fact]
    public async Task Page_Disposed_StopsWatchingTheReader()
    {
        using var context = DeskPageContext.Create(new FakeIntakeDesk(), DeskRoles.Staff);
        var card = context.Services.GetRequiredService<FakeIdCard>();
        context.Render<FileDossier>(p => p.Add(x => x.Code, "hotich.khaisinh"));
        Assert.Equal(1, card.Watchers);

        await context.DisposeComponentsAsync();

        Assert.Equal(0, card.Watchers);
    }
}
