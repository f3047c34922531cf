using OneStop.Core.Forms;
using OneStop.Core.Identity;
using OneStop.Ui.Components;

namespace OneStop.Ui.Tests;

public class CccdPrefillTests
{
    private static readonly CccdQrData Card = new("001195012345", "123456789", "Vàng Thị Lan", new DateOnly(1995, 3, 2), Sex.Female, "Thôn Lao Chải, xã Sa Pa", new DateOnly(2021, 1, 1));

    [Fact]
    public void Answers_FormWithMotherAndRequester_FillsTheRequester()
    {
        var form = Form(
            Field("mother.id_number", FormFieldType.IdNumber),
            Field("requester.full_name", FormFieldType.Text),
            Field("requester.id_number", FormFieldType.IdNumber),
            Field("requester.date_of_birth", FormFieldType.Date),
            Field("requester.residence", FormFieldType.Address));

        var answers = CccdPrefill.Answers(form, Card);

        Assert.Equal("001195012345", answers["requester.id_number"]);
        Assert.Equal("Vàng Thị Lan", answers["requester.full_name"]);
        Assert.Equal("1995-03-02", answers["requester.date_of_birth"]);
        Assert.Equal("Thôn Lao Chải, xã Sa Pa", answers["requester.residence"]);
        Assert.False(answers.ContainsKey("mother.id_number"));
    }

    [Fact]
    public void Answers_SexSelect_TakesOnlyItsOwnOptionValue()
    {
        var withOptions = Form(Field("signer.id_number", FormFieldType.IdNumber), Field("signer.gender", FormFieldType.Select, "nam", "nu"));
        var otherOptions = Form(Field("signer.id_number", FormFieldType.IdNumber), Field("signer.gender", FormFieldType.Select, "m", "f"));

        Assert.Equal("nu", CccdPrefill.Answers(withOptions, Card)["signer.gender"]);
        Assert.False(CccdPrefill.Answers(otherOptions, Card).ContainsKey("signer.gender"));
    }

    [Fact]
    public void Answers_FormWithoutIdNumber_FillsNothing()
    {
        Assert.Empty(CccdPrefill.Answers(Form(Field("document.title", FormFieldType.Text)), Card));
    }

    private static FormSchema Form(params FormField[] fields) => new([.. fields]);

    private static FormField Field(string key, FormFieldType type, params string[] options) =>
        new(key, key, key, type, false, FieldValidation.None, [.. options.Select(o => new FormOption(o, o, o))]);
}
