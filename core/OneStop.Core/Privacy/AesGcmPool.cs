using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OneStop.Core.Privacy;

/// <summary>
/// AES-GCM instances under one key, reused across values. A new instance per value set the key up again
/// (a native cipher context and its key schedule) for every personal field the hub sealed or opened, and
/// left a finalizable handle behind each time. An instance is not safe for two threads at once, so each
/// call rents one and gives it back; at most <see cref="MaxKept"/> idle ones are kept.
/// </summary>
internal sealed class AesGcmPool(byte[] key, int tagBytes)
{
    /// <summary>Idle instances kept: about the number of threads that seal at the same time.</summary>
    public const int MaxKept = 16;

    private readonly ConcurrentBag<AesGcm> _idle = [];

    public T Use<T>(Func<AesGcm, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var aes = _idle.TryTake(out var kept) ? kept : new AesGcm(key, tagBytes);
        try
        {
            return work(aes);
        }
        finally
        {
            if (_idle.Count < MaxKept)
            {
                _idle.Add(aes);
            }
            else
            {
                aes.Dispose();
            }
        }
    }
}
