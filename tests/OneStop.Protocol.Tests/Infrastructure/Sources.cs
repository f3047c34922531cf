using System.Runtime.CompilerServices;

namespace OneStop.Protocol.Tests.Infrastructure;

public static class Sources
{
    public static async IAsyncEnumerable<T> Of<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    /// <summary>Yields <paramref name="first"/> and then waits forever, like a producer that has nothing more yet.</summary>
    public static async IAsyncEnumerable<T> ThenNever<T>(IEnumerable<T> first, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in first)
        {
            yield return item;
        }

        await new TaskCompletionSource().Task.WaitAsync(cancellationToken);
    }
}
