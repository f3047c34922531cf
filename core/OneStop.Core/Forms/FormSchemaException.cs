namespace OneStop.Core.Forms;

/// <summary>A form schema the app cannot render safely (unknown type, missing options list, bad condition).</summary>
public sealed class FormSchemaException : Exception
{
    public FormSchemaException()
    {
    }

    public FormSchemaException(string message)
        : base(message)
    {
    }

    public FormSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FormSchemaException(string code, string? fieldKey, string message)
        : base(message)
    {
        Code = code;
        FieldKey = fieldKey;
    }

    /// <summary>What is wrong, one of <see cref="FormSchemaErrorCodes"/>, so a screen can say it in the reader's language.</summary>
    public string Code { get; } = FormSchemaErrorCodes.Invalid;

    /// <summary>The field the problem is in, when there is one.</summary>
    public string? FieldKey { get; }
}
