using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OneStop.Edge.Appliance;

/// <summary>
/// The sealed form of a node backup, so a USB stick lost on the way to the district does not expose residents.
/// A header (magic, format version, PBKDF2 iteration count, salt) followed by AES-256-GCM frames of at most
/// <see cref="FrameBytes"/> plaintext bytes; each frame's associated data is the header, its index and whether it
/// is the last, so frames cannot be reordered, dropped, cut off at the end or moved between backups without the
/// tag failing. The key is derived from the admin's passphrase (PBKDF2-HMAC-SHA256, OWASP's 2023 count).
/// </summary>
public static class BackupCipher
{
    public const int FrameBytes = 1 << 20;
    public const int MinPassphraseLength = 12;
    public const int Iterations = 600_000;

    private static readonly byte[] Magic = "OSBK"u8.ToArray();
    private const byte Version = 1;
    private const int SaltBytes = 16;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 4 + 1 + 4 + SaltBytes;

    /// <summary>Seals <paramref name="plain"/> into <paramref name="sealedOutput"/> under a key from the passphrase.</summary>
    public static async Task SealAsync(Stream plain, Stream sealedOutput, string passphrase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(sealedOutput);
        var header = new byte[HeaderBytes];
        Magic.CopyTo(header, 0);
        header[4] = Version;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(5), Iterations);
        RandomNumberGenerator.Fill(header.AsSpan(9, SaltBytes));
        await sealedOutput.WriteAsync(header, cancellationToken);
        using var aes = new AesGcm(DeriveKey(passphrase, header.AsSpan(9, SaltBytes), Iterations), TagBytes);

        var current = new byte[FrameBytes];
        var next = new byte[FrameBytes];
        var currentLength = await FillAsync(plain, current, cancellationToken);
        for (long index = 0; ; index++)
        {
            // Read ahead one frame: the last frame is marked as such, so a backup cut off at a frame boundary fails.
            var nextLength = currentLength == FrameBytes ? await FillAsync(plain, next, cancellationToken) : 0;
            var last = nextLength == 0;
            await WriteFrameAsync(aes, header, index, last, current.AsMemory(0, currentLength), sealedOutput, cancellationToken);
            if (last)
            {
                return;
            }

            (current, next) = (next, current);
            currentLength = nextLength;
        }
    }

    /// <summary>Opens a sealed backup; a wrong passphrase or any changed, missing or extra byte is refused.</summary>
    public static async Task OpenAsync(Stream sealedInput, Stream plainOutput, string passphrase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sealedInput);
        ArgumentNullException.ThrowIfNull(plainOutput);
        var header = new byte[HeaderBytes];
        if (await FillAsync(sealedInput, header, cancellationToken) != HeaderBytes || !header.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new BackupRefusedException("Tệp này không phải bản sao lưu của máy xã / This file is not a OneStop node backup.");
        }

        if (header[4] != Version)
        {
            throw new BackupRefusedException($"Bản sao lưu định dạng {header[4]}, máy này đọc định dạng {Version} / Backup format {header[4]} is not readable by this version.");
        }

        var iterations = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5));
        if (iterations is < 100_000 or > 10_000_000)
        {
            throw new BackupRefusedException("Tiêu đề bản sao lưu bị hỏng / The backup header is damaged.");
        }

        using var aes = new AesGcm(DeriveKey(passphrase, header.AsSpan(9, SaltBytes), iterations), TagBytes);
        var lengthBytes = new byte[4];
        var nonce = new byte[NonceBytes];
        var tag = new byte[TagBytes];
        var cipher = new byte[FrameBytes + 1];
        var plain = new byte[FrameBytes];
        for (long index = 0; ; index++)
        {
            if (await FillAsync(sealedInput, lengthBytes, cancellationToken) != 4)
            {
                throw Truncated();
            }

            var field = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
            var last = (field & int.MinValue) != 0;
            var length = field & int.MaxValue;
            if (length > FrameBytes
                || await FillAsync(sealedInput, nonce, cancellationToken) != NonceBytes
                || await FillAsync(sealedInput, cipher.AsMemory(0, length), cancellationToken) != length
                || await FillAsync(sealedInput, tag, cancellationToken) != TagBytes)
            {
                throw Truncated();
            }

            try
            {
                aes.Decrypt(nonce, cipher.AsSpan(0, length), tag, plain.AsSpan(0, length), AssociatedData(header, index, last));
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new BackupRefusedException(index == 0
                    ? "Sai mật khẩu sao lưu, hoặc tệp đã bị sửa / Wrong backup passphrase, or the file was altered."
                    : $"Bản sao lưu bị sửa hoặc hỏng ở đoạn {index} / The backup was altered or damaged at frame {index}.");
            }

            await plainOutput.WriteAsync(plain.AsMemory(0, length), cancellationToken);
            if (last)
            {
                if (await sealedInput.ReadAsync(lengthBytes.AsMemory(0, 1), cancellationToken) != 0)
                {
                    throw new BackupRefusedException("Có dữ liệu lạ sau cuối bản sao lưu / Unexpected bytes after the end of the backup.");
                }

                return;
            }
        }
    }

    /// <summary>Refuses passphrases an admin would regret: the backup is only as safe as this.</summary>
    public static string? RefusePassphrase(string? passphrase) =>
        passphrase is null || passphrase.Trim().Length < MinPassphraseLength
            ? $"Mật khẩu sao lưu cần ít nhất {MinPassphraseLength} ký tự / The backup passphrase needs at least {MinPassphraseLength} characters."
            : null;

    private static async Task WriteFrameAsync(AesGcm aes, byte[] header, long index, bool last, ReadOnlyMemory<byte> plain, Stream output, CancellationToken cancellationToken)
    {
        var frame = new byte[4 + NonceBytes + plain.Length + TagBytes];
        BinaryPrimitives.WriteInt32BigEndian(frame, plain.Length | (last ? int.MinValue : 0));
        var nonce = frame.AsSpan(4, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(nonce, plain.Span, frame.AsSpan(4 + NonceBytes, plain.Length), frame.AsSpan(4 + NonceBytes + plain.Length), AssociatedData(header, index, last));
        await output.WriteAsync(frame, cancellationToken);
    }

    private static byte[] AssociatedData(byte[] header, long index, bool last)
    {
        var data = new byte[header.Length + 9];
        header.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(header.Length), index);
        data[^1] = last ? (byte)1 : (byte)0;
        return data;
    }

    private static byte[] DeriveKey(string passphrase, ReadOnlySpan<byte> salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC)), salt, iterations, HashAlgorithmName.SHA256, 32);

    private static BackupRefusedException Truncated() =>
        new("Bản sao lưu bị cắt cụt (chép chưa xong?) / The backup is cut short (was the copy finished?).");

    private static async Task<int> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[filled..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}

/// <summary>A backup that cannot be opened, with a message for the admin in both languages.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
