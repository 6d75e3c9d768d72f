using System.ComponentModel;
using System.Diagnostics;
using Alpr.Edge.Capture.Health;

namespace Alpr.Edge.Capture.Ffmpeg;

/// <summary>
/// One running ffmpeg: stdout is the frame stream, stderr is kept (last lines) for the health message. Disposing kills it (and
/// anything it started) and reaps it, so no process outlives its session.
/// </summary>
public sealed class FfmpegProcess : IAsyncDisposable
{
    private const int KeptLines = 8;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private readonly Lock _gate = new();

    private FfmpegProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>ffmpeg's stdout.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once it has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines ffmpeg wrote to stderr, joined with <c> | </c>, or "no message".</summary>
    public string ErrorTail
    {
        get
        {
            lock (_gate)
            {
                return _stderr.Count == 0 ? "no message" : string.Join(" | ", _stderr);
            }
        }
    }

    /// <summary>Starts <paramref name="program"/>; throws <see cref="CameraFailedException"/> when it cannot be run at all.</summary>
    public static FfmpegProcess Start(string program, IReadOnlyList<string> arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var running = new FfmpegProcess(process);
        process.ErrorDataReceived += (_, line) => running.KeepErrorLine(line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new CameraFailedException(
                $"'{program}' could not be started ({ex.Message}): install Debian's ffmpeg (apt-get install ffmpeg, or scripts/setup)", ex);
        }

        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Waits until the process ends or <paramref name="timeout"/> passes; false on timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Kills the process tree if it still runs.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended in between.
        }
        catch (Win32Exception)
        {
            // Already gone.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Kill();
        await WaitForExitAsync(ExitWait, CancellationToken.None);
        _process.Dispose();
    }

    private void KeepErrorLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_gate)
        {
            if (_stderr.Count == KeptLines)
            {
                _stderr.Dequeue();
            }

            _stderr.Enqueue(FfmpegSourceUri.Redact(line.Trim()));
        }
    }
}
