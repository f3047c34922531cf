namespace OneStop.Core.Forms;

/// <summary>Stable codes for form errors. CCCD and phone problems reuse the Identity codes (cccd.*, phone.*).</summary>
public static class FormErrorCodes
{
    public const string Required = "form.required";
    public const string Pattern = "form.pattern";
    public const string TooLong = "form.too_long";
    public const string NotANumber = "form.not_a_number";
    public const string BelowMin = "form.below_min";
    public const string AboveMax = "form.above_max";
    public const string NotADate = "form.not_a_date";
    public const string DateTooEarly = "form.date_too_early";
    public const string DateInFuture = "form.date_in_future";
    public const string DateTooLate = "form.date_too_late";
    public const string NotAnOption = "form.not_an_option";
    public const string NotABoolean = "form.not_a_boolean";
}
