using System.Security.Cryptography;
using OneStop.Core.Changes;
using OneStop.Core.Clock;
using OneStop.Core.Privacy;

namespace OneStop.Core.Tests.Privacy;

public sealed class MarkedFormKeysTests
{
    [Fact]
    public void InProcedureValues_CurrentAndEarlierSchemas_GivesEveryKeyMarkedByFlagOrClass()
    {
        const string values = """
            {"code": "x", "form": [
              {"key": "a.flagged", "personal_data": true},
              {"key": "a.classed", "personal_data_class": "sensitive"},
              {"key": "a.unmarked", "personal_data": false, "personal_data_class": null},
              {"key": "a.null_word", "personal_data_class": "null"},
              {"personal_data": true}
            ],
            "form_history": [{"version": 1, "form": [{"key": "old.cause", "personal_data": true}]}]}
            """;

        Assert.Equal(["a.classed", "a.flagged", "old.cause"], MarkedFormKeys.InProcedureValues(values).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void InSchema_SampleCatalogueBirthForm_MarksEthnicity()
    {
        var marks = MarkedFormKeys.InSchema(Catalogue.RepoData.Procedure("hotich.khaisinh").FormJson);

        Assert.Contains("child.ethnicity", marks);
        Assert.DoesNotContain("child.birth_at_home", marks);
    }

    [Fact]
    public void Open_ValueSealedUnderAMarkTheCatalogueDroppedSince_StillOpens()
    {
        var key = SHA256.HashData("marks"u8);
        var id = Guid.CreateVersion7();
        var write = FieldChange.Set("form.child.ethnicity", "\"Xinh Mun\"", new HlcTimestamp(1, 0, "n"), HlcTimestamp.Zero);
        var sealedWrite = new PersonalDataCipher(key, new HashSet<string>(StringComparer.Ordinal) { "child.ethnicity" }).Seal(id, RecordTypes.Dossier, write);
        Assert.NotEqual(write.Json, sealedWrite.Json);

        Assert.Equal(write, new PersonalDataCipher(key).Open(id, sealedWrite));
    }
}
