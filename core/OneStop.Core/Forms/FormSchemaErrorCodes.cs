namespace OneStop.Core.Forms;

/// <summary>Why a form schema was refused (<see cref="FormSchemaException.Code"/>); screens turn each into words.</summary>
public static class FormSchemaErrorCodes
{
    public const string Invalid = "invalid";
    public const string Json = "json";
    public const string NotArray = "not_array";
    public const string Empty = "empty";
    public const string FieldNotObject = "field_not_object";
    public const string NoKey = "no_key";
    public const string DuplicateKey = "duplicate_key";
    public const string UnknownType = "unknown_type";
    public const string NoOptions = "no_options";
    public const string UnknownOptionList = "unknown_option_list";
    public const string BadOption = "bad_option";
    public const string BadDateLimit = "bad_date_limit";
    public const string BadCondition = "bad_condition";

    /// <summary>Every code, so a localisation table can be checked against it.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Invalid, Json, NotArray, Empty, FieldNotObject, NoKey, DuplicateKey, UnknownType, NoOptions, UnknownOptionList, BadOption, BadDateLimit, BadCondition];
}
