using OneStop.Core.Changes;
using OneStop.Core.Privacy;

namespace OneStop.Core.Tests.Privacy;

public class PersonalFieldsTests
{
    [Theory]
    [InlineData("applicant_name", true)]
    [InlineData("online_filer_cccd", true)]
    [InlineData("form.full_name", true)]
    [InlineData("form.mother.id_number", true)]
    [InlineData("form.child.date_of_birth", true)]
    [InlineData("form.residence", true)]
    [InlineData("form.groom.phone", true)]
    [InlineData("status", false)]
    [InlineData("public_code", false)]
    [InlineData("form.purpose", false)]
    [InlineData("full_name", false)]
    public void IsPersonal_DossierField_FollowsTheNameOfWhatItHolds(string field, bool expected) =>
        Assert.Equal(expected, PersonalFields.IsPersonal(RecordTypes.Dossier, field));

    [Fact]
    public void IsPersonal_OtherRecordTypes_AreNotSealed() =>
        Assert.False(PersonalFields.IsPersonal(RecordTypes.Procedure, "applicant_name"));
}
