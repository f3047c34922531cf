namespace OneStop.Core.Catalogue;

/// <summary>Top-level keys of a catalogue entry that the console writes; each is one field of the procedure record.</summary>
public static class CatalogueKeys
{
    public const string Code = "code";
    public const string NameVi = "name_vi";
    public const string NameEn = "name_en";
    public const string FieldVi = "field_vi";
    public const string FieldEn = "field_en";
    public const string ProcessingTime = "processing_time";
    public const string Fees = "fees";
    public const string Form = "form";

    /// <summary>Added after the first nodes shipped: a node that does not know it keeps charging <see cref="Fees"/>.</summary>
    public const string FeeVersions = "fee_versions";
    public const string EffectiveFrom = "effective_from";
    public const string RetiredFrom = "retired_from";
}
