using System.Text;

namespace OneStop.Hardware.Tests.Support;

/// <summary>The Vietnamese alphabet's letters that carry a mark: 12 vowels × 6 tones × 2 cases, minus the 12 plain ASCII vowels, plus Đ đ.</summary>
public static class VietnameseLetters
{
    public const string Vowels = "aăâeêioôơuưy";

    /// <summary>Tones in TCVN order: none, huyền, hỏi, ngã, sắc, nặng.</summary>
    public static readonly string[] Tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];

    public static IReadOnlyList<string> All()
    {
        var letters = new List<string>();
        foreach (var vowel in Vowels + Vowels.ToUpperInvariant())
        {
            foreach (var tone in Tones)
            {
                var letter = (vowel + tone).Normalize(NormalizationForm.FormC);
                if (letter.Length == 1 && letter[0] > '~')
                {
                    letters.Add(letter);
                }
            }
        }

        letters.Add("đ");
        letters.Add("Đ");
        return letters;
    }
}
