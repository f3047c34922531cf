using System.Globalization;
using System.Text.Json;

namespace OneStop.Core.Forms;

/// <summary>Reads a procedure's form[] array (the FormJson of a catalogue procedure) into a <see cref="FormSchema"/>.</summary>
public static class FormSchemaParser
{
    public static FormSchema Parse(string formJson, SharedOptionLists? sharedLists = null)
    {
        ArgumentNullException.ThrowIfNull(formJson);
        using var document = JsonDocument.Parse(formJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormSchemaException(FormSchemaErrorCodes.NotArray, null, "A form schema must be a JSON array of fields.");
        }

        var fields = new List<FormField>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var field = ParseField(item, sharedLists ?? SharedOptionLists.Empty);
            if (!keys.Add(field.Key))
            {
                throw new FormSchemaException(FormSchemaErrorCodes.DuplicateKey, field.Key, $"Field key '{field.Key}' appears twice.");
            }

            fields.Add(field);
        }

        return new FormSchema(fields);
    }

    internal static FormOption ParseOption(JsonElement option) => option.ValueKind switch
    {
        JsonValueKind.String => new FormOption(option.GetString()!, option.GetString()!, option.GetString()!),
        JsonValueKind.Object => new FormOption(Text(option, "value") ?? throw new FormSchemaException(FormSchemaErrorCodes.BadOption, null, "An option has no value."), Text(option, "label_vi") ?? string.Empty, Text(option, "label_en") ?? string.Empty),
        _ => throw new FormSchemaException(FormSchemaErrorCodes.BadOption, null, $"Unsupported option: {option.GetRawText()}"),
    };

    private static FormField ParseField(JsonElement item, SharedOptionLists sharedLists)
    {
        var key = Text(item, "key");
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new FormSchemaException(FormSchemaErrorCodes.NoKey, null, "A form field has no key.");
        }

        var type = ParseType(Text(item, "type"), key);
        var optionsRef = Text(item, "options_ref");
        IReadOnlyList<FormOption> options = [];
        if (item.TryGetProperty("options", out var inline) && inline.ValueKind == JsonValueKind.Array)
        {
            options = inline.EnumerateArray().Select(ParseOption).ToList();
        }
        else if (optionsRef is not null)
        {
            options = sharedLists.Find(optionsRef) ?? throw new FormSchemaException(FormSchemaErrorCodes.UnknownOptionList, key, $"Field '{key}' refers to unknown option list '{optionsRef}'.");
        }

        if (type == FormFieldType.Select && options.Count == 0)
        {
            throw new FormSchemaException(FormSchemaErrorCodes.NoOptions, key, $"Select field '{key}' has no options.");
        }

        var requiredIf = Text(item, "required_if");
        return new FormField(
            key,
            Text(item, "label_vi") ?? key,
            Text(item, "label_en") ?? key,
            type,
            Flag(item, "required"),
            ParseValidation(item, key),
            options)
        {
            OptionsRef = optionsRef,
            RequiredIf = requiredIf is null ? null : RequiredIfCondition.Parse(requiredIf),
            Computed = Flag(item, "computed"),
            Rule = Text(item, "rule"),
            Default = item.TryGetProperty("default", out var d) ? ScalarText(d) : null,
            PersonalData = Flag(item, "personal_data"),
            PersonalDataClass = Text(item, "personal_data_class"),
            Transform = Text(item, "transform"),
            Note = Text(item, "note"),
        };
    }

    private static FormFieldType ParseType(string? type, string key) => type switch
    {
        "text" => FormFieldType.Text,
        "date" => FormFieldType.Date,
        "id_number" => FormFieldType.IdNumber,
        "phone" => FormFieldType.Phone,
        "select" => FormFieldType.Select,
        "number" => FormFieldType.Number,
        "boolean" => FormFieldType.Boolean,
        "address" => FormFieldType.Address,
        _ => throw new FormSchemaException(FormSchemaErrorCodes.UnknownType, key, $"Field '{key}' has unknown type '{type}'."),
    };

    private static FieldValidation ParseValidation(JsonElement item, string key)
    {
        if (!item.TryGetProperty("validation", out var v) || v.ValueKind != JsonValueKind.Object)
        {
            return FieldValidation.None;
        }

        var maxDateText = Text(v, "max_date");
        var isToday = maxDateText == "today";
        return new FieldValidation(
            Text(v, "regex"),
            Number(v, "min"),
            Number(v, "max"),
            v.TryGetProperty("max_length", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : null,
            Date(Text(v, "min_date"), key),
            isToday ? null : Date(maxDateText, key),
            isToday,
            Flag(v, "cccd_check"));
    }

    private static DateOnly? Date(string? text, string key)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormSchemaException(FormSchemaErrorCodes.BadDateLimit, key, $"Field '{key}' has a date limit '{text}' that is not yyyy-MM-dd or 'today'.");
    }

    private static decimal? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
