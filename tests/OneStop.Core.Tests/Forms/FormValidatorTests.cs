using OneStop.Core.Forms;
using OneStop.Core.Identity;
using OneStop.Core.Tests.Catalogue;

namespace OneStop.Core.Tests.Forms;

public class FormValidatorTests
{
    private static readonly DateOnly Today = new(2025, 6, 10);
    private static readonly SharedOptionLists Shared = SharedOptionLists.ParseCatalogue(RepoData.ProceduresJson);

    private static FormSchema Form(string code) => FormSchemaParser.Parse(RepoData.Procedure(code).FormJson, Shared);

    // A complete, valid birth registration for the daughter of residents R001/R002 (residents-sample.json).
    private static Dictionary<string, string?> BirthAnswers() => new()
    {
        ["child.full_name"] = "Sùng Thị Mỷ",
        ["child.gender"] = "nu",
        ["child.date_of_birth"] = "2025-05-20",
        ["child.ethnicity"] = "Mông",
        ["child.nationality"] = "Việt Nam",
        ["child.place_of_birth"] = """{"commune_code":"00715","province_code":"08"}""",
        ["mother.full_name"] = "Giàng Thị Mai",
        ["mother.date_of_birth"] = "1981-09-02",
        ["mother.ethnicity"] = "Mông",
        ["mother.nationality"] = "Việt Nam",
        ["mother.id_number"] = "002181990002",
        ["mother.residence"] = """{"commune_code":"00715","province_code":"08"}""",
        ["father.full_name"] = "Sùng Mí Chứ",
        ["father.date_of_birth"] = "1978-03-12",
        ["father.id_number"] = "002078990001",
        ["requester.full_name"] = "Sùng Mí Chứ",
        ["requester.id_number"] = "002078990001",
        ["requester.phone"] = "0900000001",
        ["requester.residence"] = """{"commune_code":"00715","province_code":"08"}""",
        ["requester.relationship"] = "cha",
    };

    [Fact]
    public void Validate_CompleteBirthForm_NoErrors()
    {
        var result = FormValidator.Validate(Form("hotich.khaisinh"), BirthAnswers(), Today);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.FieldKey}:{e.Code}")));
    }

    [Fact]
    public void Validate_MissingRequired_RequiredWithBothLanguages()
    {
        var answers = BirthAnswers();
        answers.Remove("child.full_name");
        answers["mother.ethnicity"] = "  ";

        var result = FormValidator.Validate(Form("hotich.khaisinh"), answers, Today);

        Assert.Equal(["child.full_name", "mother.ethnicity"], result.Errors.Select(e => e.FieldKey));
        Assert.All(result.Errors, e => Assert.Equal(FormErrorCodes.Required, e.Code));
        Assert.StartsWith("Họ, chữ đệm, tên người được khai sinh", result.Errors[0].MessageVi, StringComparison.Ordinal);
        Assert.StartsWith("Child full name", result.Errors[0].MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MotherCccdWithMaleDigit_SexMismatchFromRole()
    {
        var answers = BirthAnswers();
        answers["mother.id_number"] = "002081990002";

        var error = Assert.Single(FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).Errors);

        Assert.Equal("mother.id_number", error.FieldKey);
        Assert.Equal(CccdErrorCodes.SexMismatch, error.Code);
    }

    [Fact]
    public void Validate_FatherCccdYearDisagreesWithBirthDate_BirthYearMismatch()
    {
        var answers = BirthAnswers();
        answers["father.date_of_birth"] = "1977-03-12";

        var error = Assert.Single(FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).Errors);

        Assert.Equal(CccdErrorCodes.BirthYearMismatch, error.Code);
    }

    [Fact]
    public void Validate_ElevenDigitCccd_NotTwelveDigitsVietnameseMessage()
    {
        var answers = BirthAnswers();
        answers["requester.id_number"] = "00207899000";

        var error = Assert.Single(FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).Errors);

        Assert.Equal(CccdErrorCodes.NotTwelveDigits, error.Code);
        Assert.Contains("Số CCCD phải gồm 12 chữ số", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DeceasedGenderField_UsedForCccdCheck()
    {
        var schema = Form("hotich.khaitu");
        var answers = new Dictionary<string, string?>
        {
            ["deceased.gender"] = "nam",
            ["deceased.date_of_birth"] = "1941-01-15",
            ["deceased.id_number"] = "002141990005",
        };

        var errors = FormValidator.Validate(schema, answers, Today).For("deceased.id_number");

        Assert.Equal(CccdErrorCodes.SexMismatch, Assert.Single(errors).Code);
    }

    [Fact]
    public void Validate_FutureBirthDate_DateInFuture()
    {
        var answers = BirthAnswers();
        answers["child.date_of_birth"] = "2025-06-11";

        Assert.Equal(FormErrorCodes.DateInFuture, Assert.Single(FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).Errors).Code);
    }

    [Theory]
    [InlineData("20/05/2025", FormErrorCodes.NotADate)]
    [InlineData("2025-02-30", FormErrorCodes.NotADate)]
    [InlineData("1899-12-31", FormErrorCodes.DateTooEarly)]
    public void Validate_BadChildBirthDate_ErrorCode(string value, string code)
    {
        var answers = BirthAnswers();
        answers["child.date_of_birth"] = value;

        Assert.Equal(code, FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).For("child.date_of_birth").Single().Code);
    }

    [Theory]
    [InlineData("Sùng Thị 2", FormErrorCodes.Pattern)]
    [InlineData("A", FormErrorCodes.Pattern)]
    public void Validate_BadName_Pattern(string value, string code)
    {
        var answers = BirthAnswers();
        answers["child.full_name"] = value;

        Assert.Equal(code, Assert.Single(FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).Errors).Code);
    }

    [Fact]
    public void Validate_NameOver100Characters_TooLong()
    {
        var answers = BirthAnswers();
        answers["child.full_name"] = new string('a', 101);

        Assert.Equal(FormErrorCodes.TooLong, Assert.Single(FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).Errors).Code);
    }

    [Theory]
    [InlineData("0241234567", PhoneErrorCodes.NotMobile)]
    [InlineData("12345", PhoneErrorCodes.InvalidFormat)]
    public void Validate_BadPhone_PhoneCode(string value, string code)
    {
        var answers = BirthAnswers();
        answers["requester.phone"] = value;

        Assert.Equal(code, Assert.Single(FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).Errors).Code);
    }

    [Theory]
    [InlineData("Người ngoài hành tinh", FormErrorCodes.NotAnOption)]
    public void Validate_EthnicityNotInSharedList_NotAnOption(string value, string code)
    {
        var answers = BirthAnswers();
        answers["child.ethnicity"] = value;

        Assert.Equal(code, Assert.Single(FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).Errors).Code);
    }

    [Theory]
    [InlineData("yes", FormErrorCodes.NotABoolean)]
    public void Validate_BadBoolean_NotABoolean(string value, string code)
    {
        var answers = BirthAnswers();
        answers["linked_services"] = value;

        Assert.Equal(code, Assert.Single(FormValidator.Validate(Form("hotich.khaisinh"), answers, Today).Errors).Code);
    }

    [Theory]
    [InlineData("0", FormErrorCodes.BelowMin)]
    [InlineData("51", FormErrorCodes.AboveMax)]
    [InlineData("2.5", FormErrorCodes.NotANumber)]
    [InlineData("hai", FormErrorCodes.NotANumber)]
    public void Validate_CopiesOutOfRange_NumberCode(string value, string code)
    {
        var errors = FormValidator.Validate(Form("chungthuc.bansao"), new Dictionary<string, string?> { ["copies"] = value }, Today);

        Assert.Equal(code, errors.For("copies").Single().Code);
    }

    [Fact]
    public void Validate_PurposeMarriageWithoutPartner_RequiredIf()
    {
        var schema = Form("hotich.xacnhan_tthn");

        var withMarriage = FormValidator.Validate(schema, new Dictionary<string, string?> { ["purpose"] = "ket_hon" }, Today);
        var withLoan = FormValidator.Validate(schema, new Dictionary<string, string?> { ["purpose"] = "vay_von" }, Today);

        Assert.Equal(FormErrorCodes.Required, withMarriage.For("purpose.partner_name").Single().Code);
        Assert.Empty(withLoan.For("purpose.partner_name"));
    }

    [Fact]
    public void Validate_ComputedField_NotRequiredFromUser()
    {
        var errors = FormValidator.Validate(Form("hotich.kethon"), new Dictionary<string, string?>(), Today);

        Assert.Empty(errors.For("check.groom_age_ok"));
    }

    [Fact]
    public void Validate_EveryCatalogueForm_EmptyAnswersGiveOnlyRequiredErrors()
    {
        Assert.All(RepoData.Procedures, p =>
        {
            var result = FormValidator.Validate(FormSchemaParser.Parse(p.FormJson, Shared), new Dictionary<string, string?>(), Today);
            Assert.All(result.Errors, e => Assert.Equal(FormErrorCodes.Required, e.Code));
        });
    }
}
