namespace OneStop.Edge.Dossiers;

/// <summary>A correction to a dossier: fields left null are not touched.</summary>
public sealed record DossierEdit(string? ApplicantName, IReadOnlyDictionary<string, string>? Form);
