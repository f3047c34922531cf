namespace OneStop.Core.Forms;

/// <summary>All problems found in a form's answers; empty when the form can be saved.</summary>
public sealed record FormValidationResult(IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<FieldError> For(string fieldKey) => Errors.Where(e => e.FieldKey == fieldKey).ToList();
}
