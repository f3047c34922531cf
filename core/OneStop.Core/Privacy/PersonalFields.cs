using OneStop.Core.Changes;
using OneStop.Core.Dossiers;

namespace OneStop.Core.Privacy;

/// <summary>
/// Which fields of a record hold a resident's personal data and are sealed at rest (see <see cref="PersonalDataCipher"/>).
/// The forms group a person's answers under a prefix ("mother.full_name"), so the last part of a form key names what it
/// is; fields a form schema marks personal (<c>personal_data</c>, <c>personal_data_class</c>) are added by key, so a
/// schema published later with a new personal field is covered without a release.
/// </summary>
public static class PersonalFields
{
    /// <summary>The online filer's CCCD number on a dossier filed on the public site.</summary>
    public const string OnlineFilerCccd = "online_filer_cccd";

    // What a person is known by or found at, whatever form asks it; the issue names these (Decree 13/2023/NĐ-CP "basic" data).
    private static readonly HashSet<string> PersonalSuffixes = new(StringComparer.Ordinal)
    {
        "full_name", "id_number", "date_of_birth", "residence", "phone", "address", "place_of_birth", "native_place",
        "partner_name", "partner_id_number", "head_name", "head_id_number", "new_address", "temp_address", "bank_account",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup = PersonalSuffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> PersonalDossierFields = new(StringComparer.Ordinal)
    {
        DossierFields.ApplicantName, OnlineFilerCccd,
    };

    /// <summary>Whether a field of a record is sealed at rest.</summary>
    /// <param name="recordType">The record's type; only dossiers hold residents' answers.</param>
    /// <param name="field">The field's name ("applicant_name", "form.mother.id_number").</param>
    /// <param name="markedFormKeys">Form keys (without the "form." prefix) that a schema marks personal.</param>
    public static bool IsPersonal(string recordType, string field, IReadOnlySet<string>? markedFormKeys = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (recordType != RecordTypes.Dossier)
        {
            return false;
        }

        if (PersonalDossierFields.Contains(field))
        {
            return true;
        }

        if (!field.StartsWith(DossierFields.FormPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Looked up as spans: the hub asks this of every field of every push, and the substrings were garbage each time.
        var key = field.AsSpan(DossierFields.FormPrefix.Length);
        var dot = key.LastIndexOf('.');
        return SuffixLookup.Contains(dot < 0 ? key : key[(dot + 1)..])
            || (markedFormKeys is { Count: > 0 } && markedFormKeys.Contains(field[DossierFields.FormPrefix.Length..]));
    }

    /// <summary>Whether the field holds an ID number, looked up by its blind index (<see cref="PersonalDataCipher.BlindIndex"/>).</summary>
    public static bool IsIdNumber(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field == OnlineFilerCccd || (field.StartsWith(DossierFields.FormPrefix, StringComparison.Ordinal) && field.EndsWith("id_number", StringComparison.Ordinal));
    }
}
