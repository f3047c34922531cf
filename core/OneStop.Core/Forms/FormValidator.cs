using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Core.Identity;

namespace OneStop.Core.Forms;

/// <summary>
/// Checks a form's answers (text values keyed by field key, as the UI holds them) against its schema and returns
/// every problem at once, so the person at the desk can fix them in one pass.
/// </summary>
public static class FormValidator
{
    // Regexes come from synced data; a bound keeps a pathological pattern from hanging the desk.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    /// <param name="schema">The procedure's form.</param>
    /// <param name="answers">Answers by field key; missing, null or blank means not answered.</param>
    /// <param name="today">Local date for max_date "today" (passed in: nothing here reads the clock).</param>
    /// <param name="provinces">CCCD province codes; the embedded list when null.</param>
    public static FormValidationResult Validate(FormSchema schema, IReadOnlyDictionary<string, string?> answers, DateOnly today, ProvinceCodeList? provinces = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<FieldError>();
        foreach (var field in schema.Fields)
        {
            // Computed fields are filled by the app from other answers; the user cannot correct them.
            if (field.Computed)
            {
                continue;
            }

            var value = answers.GetValueOrDefault(field.Key)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (field.Required || field.RequiredIf?.IsMet(answers) == true)
                {
                    errors.Add(Error(field, FormErrorCodes.Required, $"{field.LabelVi}: bắt buộc nhập", $"{field.LabelEn}: required"));
                }

                continue;
            }

            var error = CheckValue(field, value, answers, today, provinces);
            if (error is not null)
            {
                errors.Add(error);
            }
        }

        return new FormValidationResult(errors);
    }

    private static FieldError? CheckValue(FormField field, string value, IReadOnlyDictionary<string, string?> answers, DateOnly today, ProvinceCodeList? provinces)
    {
        var rules = field.Validation;
        if (rules.MaxLength is int maxLength && value.Length > maxLength)
        {
            return Error(field, FormErrorCodes.TooLong, $"{field.LabelVi}: tối đa {maxLength} ký tự", $"{field.LabelEn}: at most {maxLength} characters");
        }

        return field.Type switch
        {
            FormFieldType.IdNumber when rules.CccdCheck => CheckCccd(field, value, answers, provinces),
            FormFieldType.Phone => CheckPhone(field, value) ?? CheckPattern(field, value),
            FormFieldType.Number => CheckNumber(field, value),
            FormFieldType.Date => CheckDate(field, value, today),
            FormFieldType.Select => field.Options.Any(o => o.Value == value)
                ? null
                : Error(field, FormErrorCodes.NotAnOption, $"{field.LabelVi}: giá trị không có trong danh sách", $"{field.LabelEn}: not one of the choices"),
            FormFieldType.Boolean => value is "true" or "false"
                ? null
                : Error(field, FormErrorCodes.NotABoolean, $"{field.LabelVi}: chỉ nhận Có hoặc Không", $"{field.LabelEn}: must be yes or no"),
            _ => CheckPattern(field, value),
        };
    }

    private static FieldError? CheckPattern(FormField field, string value)
    {
        if (field.Validation.Regex is not { } pattern || Regex.IsMatch(value, pattern, RegexOptions.None, RegexTimeout))
        {
            return null;
        }

        return Error(field, FormErrorCodes.Pattern, $"{field.LabelVi}: không đúng định dạng", $"{field.LabelEn}: not in the expected format");
    }

    private static FieldError? CheckPhone(FormField field, string value) =>
        PhoneNumbers.TryParse(value, out _, out var problem) ? null : FromMessage(field, problem!);

    private static FieldError? CheckCccd(FormField field, string value, IReadOnlyDictionary<string, string?> answers, ProvinceCodeList? provinces)
    {
        DateOnly? birthDate = null;
        if (CccdFieldLinks.BirthDateKey(field.Key) is { } birthKey && TryDate(answers.GetValueOrDefault(birthKey), out var born))
        {
            birthDate = born;
        }

        Sex? sex = CccdFieldLinks.ImpliedSex(field.Key);
        if (CccdFieldLinks.SexKey(field.Key) is { } sexKey && SexCodes.TryParse(answers.GetValueOrDefault(sexKey), out var answered))
        {
            sex = answered;
        }

        var result = CccdValidator.Validate(value, birthDate, sex, provinces);
        return result.IsValid ? null : FromMessage(field, result.Errors[0]);
    }

    private static FieldError? CheckNumber(FormField field, string value)
    {
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return Error(field, FormErrorCodes.NotANumber, $"{field.LabelVi}: phải là số nguyên", $"{field.LabelEn}: must be a whole number");
        }

        if (field.Validation.Min is decimal min && number < min)
        {
            return Error(field, FormErrorCodes.BelowMin, $"{field.LabelVi}: không được nhỏ hơn {Num(min)}", $"{field.LabelEn}: must be at least {Num(min)}");
        }

        if (field.Validation.Max is decimal max && number > max)
        {
            return Error(field, FormErrorCodes.AboveMax, $"{field.LabelVi}: không được lớn hơn {Num(max)}", $"{field.LabelEn}: must be at most {Num(max)}");
        }

        return null;
    }

    private static FieldError? CheckDate(FormField field, string value, DateOnly today)
    {
        if (!TryDate(value, out var date))
        {
            return Error(field, FormErrorCodes.NotADate, $"{field.LabelVi}: ngày không hợp lệ", $"{field.LabelEn}: not a valid date");
        }

        var rules = field.Validation;
        if (rules.MinDate is { } minDate && date < minDate)
        {
            return Error(field, FormErrorCodes.DateTooEarly, $"{field.LabelVi}: không được trước {Vi(minDate)}", $"{field.LabelEn}: must not be before {Iso(minDate)}");
        }

        if (rules.MaxDateIsToday && date > today)
        {
            return Error(field, FormErrorCodes.DateInFuture, $"{field.LabelVi}: không được sau ngày hôm nay", $"{field.LabelEn}: must not be in the future");
        }

        if (rules.MaxDate is { } maxDate && date > maxDate)
        {
            return Error(field, FormErrorCodes.DateTooLate, $"{field.LabelVi}: không được sau {Vi(maxDate)}", $"{field.LabelEn}: must not be after {Iso(maxDate)}");
        }

        return null;
    }

    // Dates travel as ISO yyyy-MM-dd (field_types.date); the UI shows dd/MM/yyyy but stores ISO.
    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    // Formatted invariantly so a host culture with another date separator does not change the message.
    private static string Vi(DateOnly date) => date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(decimal number) => number.ToString(CultureInfo.InvariantCulture);

    private static FieldError FromMessage(FormField field, ValidationMessage message) =>
        new(field.Key, message.Code, $"{field.LabelVi}: {message.MessageVi}", $"{field.LabelEn}: {message.MessageEn}");

    private static FieldError Error(FormField field, string code, string vi, string en) => new(field.Key, code, vi, en);
}
