namespace OneStop.Core.Payments;

/// <summary>One EMVCo data object: a two-digit tag, and its value (a template's value holds nested objects).</summary>
public sealed record TlvField(string Tag, string Value);
