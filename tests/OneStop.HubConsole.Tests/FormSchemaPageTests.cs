using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Core.Forms;
using OneStop.HubConsole.Localisation;
using OneStop.HubConsole.Pages;
using OneStop.HubConsole.Ports;
using OneStop.HubConsole.Security;

namespace OneStop.HubConsole.Tests;

public sealed class FormSchemaPageTests : ConsoleTestContext
{
    private const string Copy = "chungthuc.bansao";
    private const string Phone = """{"key":"contact.zalo","label_vi":"Số Zalo","label_en":"Zalo number","type":"phone","required":true}""";
    private readonly FakeCatalogue _catalogue = new();

    public FormSchemaPageTests()
    {
        Services.AddSingleton<IConsoleCatalogue>(_catalogue);
        Services.AddSingleton<TimeProvider>(new FixedTime(new DateTimeOffset(2026, 11, 15, 3, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Publish_EditedSchemaCheckedThenConfirmed_PortGetsItAndHistoryShowsBothVersions()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<FormSchemaPage>(p => p.Add(x => x.Code, Copy));
        var current = JsonNode.Parse(page.Find("[data-testid=formschema-json]").GetAttribute("value")!)!.AsArray();
        var dropped = current[0]!["key"]!.GetValue<string>();
        current.RemoveAt(0);
        current.Add(JsonNode.Parse(Phone));

        page.Find("[data-testid=formschema-json]").Change(current.ToJsonString());
        page.Find("[data-testid=formschema-check]").Click();

        Assert.Contains("contact.zalo", page.Find("[data-testid=formschema-added]").TextContent, StringComparison.Ordinal);
        Assert.Contains(dropped, page.Find("[data-testid=formschema-removed]").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("[data-testid=preview-form] li"), li => li.TextContent.Contains("Số Zalo", StringComparison.Ordinal));
        page.Find("[data-testid=formschema-publish]").Click();
        Assert.Empty(_catalogue.PublishedForms);
        Assert.Contains("phiên bản 2", page.Find("[data-testid=formschema-confirm]").TextContent, StringComparison.Ordinal);
        page.Find("[data-testid=formschema-confirm-yes]").Click();

        var (actor, code, form) = Assert.Single(_catalogue.PublishedForms);
        Assert.Equal(("qt.tinh", Copy), (actor, code));
        Assert.True(JsonNode.DeepEquals(current, JsonNode.Parse(form)));
        Assert.Equal("Đã công bố phiên bản 2 của tờ khai.", page.Find("[data-testid=formschema-message]").TextContent);
        Assert.Equal(["2", "1"], page.FindAll("[data-testid=formschema-version]").Select(r => r.GetAttribute("data-version")));
    }

    [Fact]
    public void Publish_ConfirmationCancelled_NothingPublished()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<FormSchemaPage>(p => p.Add(x => x.Code, Copy));
        var current = JsonNode.Parse(page.Find("[data-testid=formschema-json]").GetAttribute("value")!)!.AsArray();
        current.Add(JsonNode.Parse(Phone));

        page.Find("[data-testid=formschema-json]").Change(current.ToJsonString());
        page.Find("[data-testid=formschema-check]").Click();
        page.Find("[data-testid=formschema-publish]").Click();
        page.Find("[data-testid=formschema-confirm-no]").Click();

        Assert.Empty(_catalogue.PublishedForms);
        Assert.Empty(page.FindAll("[data-testid=formschema-confirm]"));
        Assert.Single(page.FindAll("[data-testid=formschema-version]"));
    }

    [Fact]
    public void Check_UploadedFileWithUnknownType_VietnameseErrorNamingTheFieldAndNoPublish()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<FormSchemaPage>(p => p.Add(x => x.Code, Copy));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            """[{"key":"pet.colour","label_vi":"Màu lông","type":"colour"}]""", "form.json"));
        page.Find("[data-testid=formschema-check]").Click();

        Assert.StartsWith("Trường \"pet.colour\" có kiểu không hỗ trợ", page.Find("[data-testid=formschema-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=formschema-publish]"));
        Assert.Empty(page.FindAll("[data-testid=formschema-preview]"));
    }

    [Theory]
    [InlineData("[\n{\"key\":\"a\",\"type\":\"text\"},\n{\"key\":", "JSON viết sai ở dòng 3.")]
    [InlineData("""[{"key":"a","type":"text"},{"key":"a","type":"date"}]""", "Mã trường \"a\" bị lặp.")]
    [InlineData("[]", "Tờ khai chưa có trường nào.")]
    [InlineData("""{"key":"a","type":"text"}""", "Tờ khai phải là một mảng JSON các trường: [ {...}, {...} ].")]
    public void Check_BrokenSchema_SaysWhatIsWrongInVietnamese(string json, string expected)
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<FormSchemaPage>(p => p.Add(x => x.Code, Copy));

        page.Find("[data-testid=formschema-json]").Change(json);
        page.Find("[data-testid=formschema-check]").Click();

        Assert.Equal(expected, page.Find("[data-testid=formschema-error]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=formschema-publish]"));
    }

    [Fact]
    public void Check_SchemaUnchanged_SaysNothingToPublish()
    {
        AddAuthorization().SetAuthorized("qt.tinh").SetRoles(ConsoleRoles.Admin);
        var page = RenderInteractive<FormSchemaPage>(p => p.Add(x => x.Code, Copy));

        page.Find("[data-testid=formschema-check]").Click();

        Assert.Contains("không có gì để công bố", page.Find("[data-testid=formschema-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=formschema-publish]"));
    }

    [Fact]
    public void Viewer_SeesVersionsButNoEditor()
    {
        AddAuthorization().SetAuthorized("xem.tinh").SetRoles(ConsoleRoles.Viewer);

        var page = RenderInteractive<FormSchemaPage>(p => p.Add(x => x.Code, Copy));

        Assert.Single(page.FindAll("[data-testid=formschema-version]"));
        Assert.Empty(page.FindAll("[data-testid=formschema-editor]"));
    }

    [Fact]
    public void Strings_EverySchemaErrorCode_HasWords() =>
        Assert.DoesNotContain(FormSchemaErrorCodes.All, code => !ConsoleText.Strings.ContainsKey("formschema.error." + code));
}
