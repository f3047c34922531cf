namespace OneStop.Core.Accounts;

/// <summary>
/// What a new password must be: long enough, and not one of the passwords tried first. No rules about digits or
/// symbols: they make passwords harder to remember, not to guess (NIST SP 800-63B, 5.1.1.2).
/// </summary>
public static class PasswordRules
{
    /// <summary>Shortest password: 10 characters.</summary>
    public const int MinLength = 10;

    /// <summary>Why the password is refused, or null when it may be used.</summary>
    public static PasswordRefusal? Check(string? password, string? userName = null)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return PasswordRefusal.TooShort;
        }

        var folded = password.Trim().ToLowerInvariant();
        return Common.Contains(folded) || (userName is { Length: > 0 } && folded.Contains(userName.ToLowerInvariant(), StringComparison.Ordinal))
            ? PasswordRefusal.Common
            : null;
    }

    /// <summary>Passwords of ten or more characters found first in leaked lists, and their Vietnamese cousins.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "1234567890", "0123456789", "12345678910", "0987654321", "1111111111", "0000000000", "1234512345",
        "123456789a", "a123456789", "qwertyuiop", "1q2w3e4r5t", "q1w2e3r4t5", "password1", "password12",
        "password123", "password1234", "passw0rd123", "iloveyou12", "abc1234567", "abcd123456", "qwerty1234",
        "qwerty123456", "1qaz2wsx3edc", "zaq12wsxcde", "administrator", "admin12345", "admin123456",
        "matkhau123", "matkhau1234", "matkhaumoi", "anhyeuem123", "anhyeuem", "emyeuanh123", "vietnam123",
        "vietnam1234", "hanoi12345", "saigon1234", "motcua1234", "motcua12345", "ubndxa1234", "ubnd123456",
        "changeme12", "welcome123", "letmein123", "sunshine12", "princess12", "football12", "baseball12",
        "dragon1234", "monkey1234", "superman12", "trustno1234", "starwars12", "whatever12", "1234qwerasdf",
        "asdfghjkl1", "zxcvbnm123", "a1b2c3d4e5", "11223344556", "1122334455", "5555555555", "9999999999",
        "12341234", "1234567890a", "123123123123", "123456123456", "987654321a",
    };
}

/// <summary>Why a password is refused.</summary>
public enum PasswordRefusal
{
    /// <summary>Shorter than <see cref="PasswordRules.MinLength"/>.</summary>
    TooShort,

    /// <summary>In the list of passwords tried first, or contains the user name.</summary>
    Common,
}
