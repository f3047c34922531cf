using System.ComponentModel.DataAnnotations;

namespace OneStop.Edge.Ui;

/// <summary>The intake UI of this node (section "Edge:Ui").</summary>
public sealed class EdgeUiOptions
{
    public const string Section = "Edge:Ui";

    /// <summary>Default name of the first local admin: "admin".</summary>
    public const string DefaultAdminUser = "admin";

    /// <summary>The first local commune admin, who can sign in before the hub has sent any account.</summary>
    [Required]
    public string AdminUser { get; set; } = DefaultAdminUser;

    /// <summary>
    /// ASP.NET Core PasswordHasher hash of the admin's password. When empty, the node makes a random password at
    /// first start and writes it to "initial-admin-password" (mode 0600) in its data folder.
    /// </summary>
    public string? AdminPasswordHash { get; set; }

    /// <summary>Further local accounts (a volunteer, a desk officer) for a node that has not reached the hub yet.</summary>
    /// <remarks>Each checked at start: an account without a name, role or hash could never sign in.</remarks>
    [Microsoft.Extensions.Options.ValidateEnumeratedItems]
    public List<LocalAccountOptions> Accounts { get; set; } = [];

    public string OfficeNameVi { get; set; } = "Bộ phận Một cửa — UBND xã";

    /// <summary>The commune's name with its kind ("xã Sa Pa", "phường Sa Pa"), printed at the head of slips.</summary>
    public string? CommuneName { get; set; }

    public string OfficeNameEn { get; set; } = "One-stop desk — Commune People's Committee";

    /// <summary>NAPAS BIN of the commune's bank (six digits); no VietQR without it.</summary>
    [RegularExpression(@"^\d{6}$")]
    public string? BankBin { get; set; }

    [RegularExpression(@"^[A-Za-z0-9]{1,19}$")]
    public string? BankAccount { get; set; }

    public string? BankAccountName { get; set; }
}

public sealed class LocalAccountOptions
{
    [Required]
    public string UserName { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    /// <summary>volunteer, staff or commune_admin.</summary>
    [Required]
    public string Role { get; set; } = string.Empty;

    [Required]
    public string PasswordHash { get; set; } = string.Empty;
}
