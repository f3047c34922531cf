using System.Security.Cryptography;

namespace OneStop.Core.Privacy;

/// <summary>
/// AES-GCM instances under one key, reused across values. A new instance per value set the key up again
/// (a native cipher context and its key schedule) for every personal field the hub sealed or opened, and
/// left a finalizable handle behind each time. An instance is not safe for two threads at once, so each
/// call takes one from a slot and puts it back; at most <see cref="MaxKept"/> idle ones are kept.
/// </summary>
/// <remarks>
/// Slots taken and returned with interlocked exchanges, not a ConcurrentBag: with the hub sealing 60 pushes at once
/// on the request threads, the bag's stealing between threads' lists spent three quarters of the samples in its lock.
/// </remarks>
internal sealed class AesGcmPool(byte[] key, int tagBytes)
{
    /// <summary>Idle instances kept: about the number of threads that seal at the same time.</summary>
    public const int MaxKept = 16;

    private readonly AesGcm?[] _slots = new AesGcm?[MaxKept];

    public T Use<T>(Func<AesGcm, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var start = Environment.CurrentManagedThreadId;
        var aes = Take(start) ?? new AesGcm(key, tagBytes);
        try
        {
            return work(aes);
        }
        finally
        {
            if (!Give(start, aes))
            {
                aes.Dispose();
            }
        }
    }

    // Each thread starts at its own slot, so threads rarely meet on one.
    private AesGcm? Take(int start)
    {
        for (var i = 0; i < MaxKept; i++)
        {
            if (Interlocked.Exchange(ref _slots[(start + i) % MaxKept], null) is { } kept)
            {
                return kept;
            }
        }

        return null;
    }

    private bool Give(int start, AesGcm aes)
    {
        for (var i = 0; i < MaxKept; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[(start + i) % MaxKept], aes, null) is null)
            {
                return true;
            }
        }

        return false;
    }
}
