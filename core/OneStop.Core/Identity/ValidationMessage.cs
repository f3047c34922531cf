namespace OneStop.Core.Identity;

/// <summary>One problem found in a value: a stable code for programs and tests, and text for each UI language.</summary>
public sealed record ValidationMessage(string Code, string MessageVi, string MessageEn);
