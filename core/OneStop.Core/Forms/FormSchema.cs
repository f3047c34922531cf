namespace OneStop.Core.Forms;

/// <summary>A procedure's intake form: its fields in display order.</summary>
public sealed record FormSchema(IReadOnlyList<FormField> Fields)
{
    public FormField? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);
}
