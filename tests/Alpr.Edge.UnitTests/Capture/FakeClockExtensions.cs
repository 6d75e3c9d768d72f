using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Alpr.Edge.UnitTests.Capture;

/// <summary>Moves a <see cref="FakeTimeProvider"/> forward in steps, letting the continuations it releases run between steps.</summary>
public static class FakeClockExtensions
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Advances by <paramref name="step"/> until <paramref name="done"/> holds; fails after a minute of real time.</summary>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider clock, Func<bool> done, TimeSpan step, string what)
    {
        var real = Stopwatch.StartNew();
        while (!done())
        {
            if (real.Elapsed > Patience)
            {
                throw new TimeoutException($"waited {Patience.TotalSeconds:F0} s for {what}; fake clock at {clock.GetUtcNow():O}");
            }

            clock.Advance(step);
            await Task.Delay(3);
        }
    }
}
