namespace OneStop.Core.Forms;

/// <summary>One field of a procedure's intake form, as the synced schema describes it.</summary>
/// <param name="Key">Dotted path such as "mother.id_number"; the answers use it as their key.</param>
/// <param name="LabelVi">Label in Vietnamese.</param>
/// <param name="LabelEn">Label in English.</param>
/// <param name="Type">Field type.</param>
/// <param name="Required">An answer must be given.</param>
/// <param name="Validation">Checks on the answer.</param>
/// <param name="Options">Choices of a select field, with options_ref already resolved.</param>
public sealed record FormField(
    string Key,
    string LabelVi,
    string LabelEn,
    FormFieldType Type,
    bool Required,
    FieldValidation Validation,
    IReadOnlyList<FormOption> Options)
{
    /// <summary>Name of the shared list the options came from (e.g. ethnic_groups), if any.</summary>
    public string? OptionsRef { get; init; }

    /// <summary>Condition under which the field becomes required (e.g. purpose == 'ket_hon').</summary>
    public RequiredIfCondition? RequiredIf { get; init; }

    /// <summary>The app computes the value (days overdue, age checks); the user does not type it.</summary>
    public bool Computed { get; init; }

    /// <summary>The rule for a computed field, as text (e.g. "age(groom.date_of_birth, submission_date) &gt;= 20").</summary>
    public string? Rule { get; init; }

    /// <summary>Value to pre-fill, as text ("Việt Nam", "1").</summary>
    public string? Default { get; init; }

    public bool PersonalData { get; init; }

    /// <summary>basic or sensitive (Decree 13/2023/NĐ-CP); sensitive values are encrypted at rest.</summary>
    public string? PersonalDataClass { get; init; }

    public string? Transform { get; init; }

    public string? Note { get; init; }
}
