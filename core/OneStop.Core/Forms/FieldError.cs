namespace OneStop.Core.Forms;

/// <summary>A problem with one answer: the field, a stable code, and text for each UI language.</summary>
public sealed record FieldError(string FieldKey, string Code, string MessageVi, string MessageEn);
