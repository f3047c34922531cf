using System.Text.Json;
using OneStop.Core.Catalogue;
using OneStop.Core.Forms;

namespace OneStop.Core.Tests.Catalogue;

public sealed class FormSchemaVersionsTests
{
    private const string V1 = """[{"key":"reason","label_vi":"Lý do","label_en":"Reason","type":"text","required":true}]""";
    private const string V2 = """[{"key":"reason","label_vi":"Lý do","label_en":"Reason","type":"text","required":true},{"key":"phone","label_vi":"Số điện thoại","label_en":"Phone","type":"text","required":true}]""";
    private const string V3 = """[{"key":"phone","label_vi":"Số điện thoại","label_en":"Phone","type":"text","required":true}]""";

    [Fact]
    public void Publish_TwoChangesInTurn_NumbersTwoThenThreeAndKeepsBothEarlierSchemas()
    {
        var second = FormSchemaVersions.Publish(V1, null, null, V2)!;
        var third = FormSchemaVersions.Publish(second.FormJson, second.Version, second.HistoryJson, V3)!;

        Assert.Equal((2, 3), (second.Version, third.Version));
        var procedure = Procedure(third);
        Assert.Equal(["reason"], Keys(FormSchemaVersions.FormJsonFor(procedure, 1)));
        Assert.Equal(["reason", "phone"], Keys(FormSchemaVersions.FormJsonFor(procedure, 2)));
        Assert.Equal(["phone"], Keys(FormSchemaVersions.FormJsonFor(procedure, 3)));
    }

    [Fact]
    public void Publish_SameSchemaWithOtherSpacing_NoNewVersion() =>
        Assert.Null(FormSchemaVersions.Publish(V1, 4, null, V1.Replace(",", ", ", StringComparison.Ordinal)));

    [Fact]
    public void FormJsonFor_NoVersionOrUnknownOne_TheCurrentSchema()
    {
        var procedure = Procedure(FormSchemaVersions.Publish(V1, null, null, V2)!);

        Assert.Equal(["reason", "phone"], Keys(FormSchemaVersions.FormJsonFor(procedure, null)));
        Assert.Equal(["reason", "phone"], Keys(FormSchemaVersions.FormJsonFor(procedure, 9)));
    }

    [Fact]
    public void ParseOne_CatalogueWithoutVersions_VersionOneAndNoHistory()
    {
        using var document = JsonDocument.Parse($$"""{"code":"x","form":{{V1}}}""");

        var procedure = ProcedureCatalogueParser.ParseOne(document.RootElement);

        Assert.Equal((1, 0), (procedure.FormVersion, procedure.FormHistory.Count));
    }

    // Read back the way a node reads the procedure record the hub wrote.
    private static Procedure Procedure(FormPublication publication)
    {
        using var document = JsonDocument.Parse($$"""{"code":"x","form":{{publication.FormJson}},"form_version":{{publication.Version}},"form_history":{{publication.HistoryJson}}}""");
        return ProcedureCatalogueParser.ParseOne(document.RootElement);
    }

    private static IEnumerable<string> Keys(string formJson) => FormSchemaParser.Parse(formJson).Fields.Select(f => f.Key);
}
