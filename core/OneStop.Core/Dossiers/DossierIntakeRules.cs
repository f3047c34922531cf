using OneStop.Core.Forms;

namespace OneStop.Core.Dossiers;

/// <summary>
/// What a dossier's answers must satisfy, whatever door they came through (desk, HTTP API): the same rules for
/// every write, so a script cannot store what the desk would refuse. All problems at once, both languages.
/// </summary>
public static class DossierIntakeRules
{
    /// <summary>Code of an answer to a question the procedure's form does not ask.</summary>
    public const string UnknownField = "form.unknown_field";

    /// <summary>Code of a missing applicant name.</summary>
    public const string ApplicantField = "applicant_name";

    /// <param name="form">The procedure's form.</param>
    /// <param name="applicantName">The applicant's name, when this write sets it or the dossier is being received (null: unchanged).</param>
    /// <param name="answers">The dossier's answers after the write (stored ones merged with the new ones).</param>
    /// <param name="changed">The keys this write sets; only unknown ones among them are reported.</param>
    /// <param name="complete">
    /// True when the dossier is (or becomes) received: every required answer must be there. A draft may be
    /// partial, but what it holds must still be valid.
    /// </param>
    /// <param name="today">Local date, for dates that may not lie in the future.</param>
    public static IReadOnlyList<FieldError> Check(FormSchema form, string? applicantName, IReadOnlyDictionary<string, string?> answers, IEnumerable<string> changed, bool complete, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(changed);
        var errors = new List<FieldError>();
        // A draft may be parked before the name is known; a received dossier must say whose it is.
        if (complete && applicantName is not null && string.IsNullOrWhiteSpace(applicantName))
        {
            errors.Add(new FieldError(ApplicantField, FormErrorCodes.Required, "Họ tên người nộp hồ sơ: bắt buộc nhập", "Applicant's full name: required"));
        }

        foreach (var key in changed.Where(key => form.Find(key) is null).Order(StringComparer.Ordinal))
        {
            errors.Add(new FieldError(key, UnknownField, $"Biểu mẫu không có trường '{key}'.", $"The form has no field '{key}'."));
        }

        var validation = FormValidator.Validate(form, answers, today).Errors;
        errors.AddRange(complete ? validation : validation.Where(error => error.Code != FormErrorCodes.Required));
        return errors;
    }
}
