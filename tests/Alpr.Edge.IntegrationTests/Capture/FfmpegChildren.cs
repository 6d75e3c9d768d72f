using System.Diagnostics;

namespace Alpr.Edge.IntegrationTests.Capture;

/// <summary>The ffmpeg processes this test process started (read from /proc), to check none is left behind.</summary>
public static class FfmpegChildren
{
    public static IReadOnlyList<int> Running()
    {
        var self = Environment.ProcessId;
        var children = new List<int>();
        foreach (var process in Process.GetProcessesByName("ffmpeg"))
        {
            using (process)
            {
                try
                {
                    // /proc/PID/stat: "pid (comm) state ppid ..."
                    var stat = File.ReadAllText($"/proc/{process.Id}/stat");
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == self)
                    {
                        children.Add(process.Id);
                    }
                }
                catch (IOException)
                {
                    // It ended while we looked.
                }
            }
        }

        return children;
    }

    /// <summary>Waits up to five seconds for every ffmpeg child to be gone.</summary>
    public static async Task AssertNoneLeftAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (Running().Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }

        Assert.Empty(Running());
    }
}
