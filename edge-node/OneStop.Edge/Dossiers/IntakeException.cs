using OneStop.Core.Forms;

namespace OneStop.Edge.Dossiers;

/// <summary>Input staff must correct: every problem at once, each in Vietnamese first and English for the switch.</summary>
public sealed class IntakeException : Exception
{
    public IntakeException(string field, string messageVi, string messageEn)
        : this([new FieldError(field, "intake", messageVi, messageEn)])
    {
    }

    public IntakeException(IReadOnlyList<FieldError> errors)
        : base(errors[0].MessageEn)
    {
        Errors = errors;
    }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The first field to correct.</summary>
    public string Field => Errors[0].FieldKey;

    public string MessageVi => Errors[0].MessageVi;
}
