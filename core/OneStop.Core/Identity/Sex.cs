using OneStop.Core.Text;

namespace OneStop.Core.Identity;

public enum Sex
{
    Male,
    Female,
}

public static class SexCodes
{
    /// <summary>Reads the form values ("nam"/"nu") and the card's text ("Nam"/"Nữ"), with or without diacritics.</summary>
    public static bool TryParse(string? text, out Sex sex)
    {
        switch (VietnameseFolding.Fold(text))
        {
            case "nam" or "male" or "m":
                sex = Sex.Male;
                return true;
            case "nu" or "female" or "f":
                sex = Sex.Female;
                return true;
            default:
                sex = default;
                return false;
        }
    }

    /// <summary>The value the forms use for the sex ("nam" or "nu").</summary>
    public static string ToFormValue(Sex sex) => sex == Sex.Male ? "nam" : "nu";
}
