namespace OneStop.Core.Forms;

/// <summary>A problem with one answer: the field, a stable code, and text for each UI language.</summary>
public sealed record FieldError(string FieldKey, string Code, string MessageVi, string MessageEn);

/// <summary>All problems found in a form's answers; empty when the form can be saved.</summary>
public sealed record FormValidationResult(IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<FieldError> For(string fieldKey) => Errors.Where(e => e.FieldKey == fieldKey).ToList();
}
