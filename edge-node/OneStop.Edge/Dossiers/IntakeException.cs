namespace OneStop.Edge.Dossiers;

/// <summary>Input staff must correct, with the message in Vietnamese first and English for the switch.</summary>
public sealed class IntakeException(string field, string messageVi, string messageEn) : Exception(messageEn)
{
    public string Field { get; } = field;
    public string MessageVi { get; } = messageVi;
}
