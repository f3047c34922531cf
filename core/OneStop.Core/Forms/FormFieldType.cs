namespace OneStop.Core.Forms;

/// <summary>The field types procedures.json declares in field_types.</summary>
public enum FormFieldType
{
    Text,
    Date,
    IdNumber,
    Phone,
    Select,
    Number,
    Boolean,
    Address,
}
