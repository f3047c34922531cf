namespace OneStop.Core.Forms;

/// <summary>One choice of a select field: the stored value and its labels.</summary>
public sealed record FormOption(string Value, string LabelVi, string LabelEn);
