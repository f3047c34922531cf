using OneStop.Core.Forms;

namespace OneStop.Ui.Ports;

/// <summary>Answers the node refused, every problem at once, with Vietnamese and English text.</summary>
public sealed class DeskValidationException(IReadOnlyList<FieldError> errors)
    : InvalidOperationException($"{errors.Count} answer(s) need correcting.")
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
