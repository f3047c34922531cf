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
}
