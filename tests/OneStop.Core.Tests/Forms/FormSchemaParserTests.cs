using OneStop.Core.Forms;
using OneStop.Core.Tests.Catalogue;

namespace OneStop.Core.Tests.Forms;

public class FormSchemaParserTests
{
    private static readonly SharedOptionLists Shared = SharedOptionLists.ParseCatalogue(RepoData.ProceduresJson);

    public static TheoryData<string> ProcedureCodes() => [.. RepoData.Procedures.Select(p => p.Code)];

    [Theory]
    [MemberData(nameof(ProcedureCodes))]
    public void Parse_EveryCatalogueForm_ParsesWithOptionsResolved(string code)
    {
        var schema = FormSchemaParser.Parse(RepoData.Procedure(code).FormJson, Shared);

        Assert.NotEmpty(schema.Fields);
        Assert.All(schema.Fields.Where(f => f.Type == FormFieldType.Select), f => Assert.NotEmpty(f.Options));
        Assert.All(schema.Fields.Where(f => f.Validation.Regex is not null), f => _ = new System.Text.RegularExpressions.Regex(f.Validation.Regex!));
    }

    [Fact]
    public void Parse_BirthForm_ReadsFieldDetails()
    {
        var schema = FormSchemaParser.Parse(RepoData.Procedure("hotich.khaisinh").FormJson, Shared);

        var child = schema.Find("child.date_of_birth")!;
        Assert.Equal(FormFieldType.Date, child.Type);
        Assert.True(child.Validation.MaxDateIsToday);
        Assert.Equal(new DateOnly(1900, 1, 1), child.Validation.MinDate);

        var ethnicity = schema.Find("child.ethnicity")!;
        Assert.Equal("ethnic_groups", ethnicity.OptionsRef);
        Assert.Equal(56, ethnicity.Options.Count);
        Assert.Equal("sensitive", ethnicity.PersonalDataClass);

        Assert.True(schema.Find("mother.id_number")!.Validation.CccdCheck);
        Assert.Equal("Việt Nam", schema.Find("child.nationality")!.Default);
        Assert.Equal(100, schema.Find("child.full_name")!.Validation.MaxLength);
    }

    [Fact]
    public void Parse_MaritalStatusForm_ReadsRequiredIf()
    {
        var schema = FormSchemaParser.Parse(RepoData.Procedure("hotich.xacnhan_tthn").FormJson, Shared);

        var condition = schema.Find("purpose.partner_name")!.RequiredIf!;
        Assert.Equal("purpose", condition.Key);
        Assert.Equal(RequiredIfCondition.EqualsOperator, condition.Operator);
        Assert.Equal(["ket_hon"], condition.Values);
        Assert.Equal("1", schema.Find("copies")!.Default);
    }

    [Fact]
    public void Parse_MarriageForm_ComputedAgeRulesKept()
    {
        var schema = FormSchemaParser.Parse(RepoData.Procedure("hotich.kethon").FormJson, Shared);

        var check = schema.Find("check.groom_age_ok")!;
        Assert.True(check.Computed);
        Assert.Equal("age(groom.date_of_birth, submission_date) >= 20", check.Rule);
    }

    [Fact]
    public void Parse_UnknownOptionsRef_Throws()
    {
        const string json = """[{"key":"x","label_vi":"x","label_en":"x","type":"select","required":true,"options_ref":"nope"}]""";

        Assert.Throws<FormSchemaException>(() => FormSchemaParser.Parse(json, Shared));
    }

    [Fact]
    public void Parse_UnknownType_Throws()
    {
        const string json = """[{"key":"x","label_vi":"x","label_en":"x","type":"colour","required":true}]""";

        Assert.Throws<FormSchemaException>(() => FormSchemaParser.Parse(json));
    }

    [Fact]
    public void Parse_DuplicateKey_Throws()
    {
        const string json = """[{"key":"x","type":"text"},{"key":"x","type":"text"}]""";

        Assert.Throws<FormSchemaException>(() => FormSchemaParser.Parse(json));
    }
}
