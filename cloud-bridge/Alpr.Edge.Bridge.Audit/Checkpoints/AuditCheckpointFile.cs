using System.Globalization;
using System.Text;
using System.Text.Json;
using Alpr.Edge.Bridge.Storage;

namespace Alpr.Edge.Bridge.Audit.Checkpoints;

/// <summary>
/// The checkpoint file outside the database: one JSON object a line
/// (<c>{"sequence":100,"hash":"…","at":"…Z","keyId":"…","signature":"…"}</c>), only ever appended to.
/// </summary>
public sealed class AuditCheckpointFile
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The file at <paramref name="path"/>.</summary>
    public AuditCheckpointFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>Appends <paramref name="checkpoint"/> as one line and flushes it to disk; creates the file (owner-only) when missing.</summary>
    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var line = Encoding.UTF8.GetBytes(ToLine(checkpoint) + "\n");
        // FileShare.None takes an exclusive lock (flock on Unix), so two bridges appending to one file never interleave a line.
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = await OpenLockedAsync(options, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        stream.Flush(flushToDisk: true);
    }

    private async Task<FileStream> OpenLockedAsync(FileStreamOptions options, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(Path, options);
            }
            catch (IOException) when (attempt < 200 && File.Exists(Path))
            {
                // Another writer holds the lock: it appends one line and lets go.
                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Every checkpoint in the file, in file order, with its line number; a line that is not a checkpoint goes to
    /// <paramref name="problems"/> as one line. A missing file reads as empty.
    /// </summary>
    public async Task<IReadOnlyList<(int Line, AuditCheckpoint Checkpoint)>> ReadAsync(ICollection<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var checkpoints = new List<(int, AuditCheckpoint)>();
        if (!File.Exists(Path))
        {
            return checkpoints;
        }

        var lines = await File.ReadAllLinesAsync(Path, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            if (TryParse(lines[i], out var checkpoint, out var error))
            {
                checkpoints.Add((i + 1, checkpoint!));
            }
            else
            {
                problems.Add($"checkpoint file {Path} line {i + 1}: not a checkpoint ({error})");
            }
        }

        return checkpoints;
    }

    /// <summary>The JSON line for <paramref name="checkpoint"/>.</summary>
    public static string ToLine(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", checkpoint.Sequence);
            writer.WriteString("hash", checkpoint.Hash);
            writer.WriteString("at", checkpoint.At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            writer.WriteString("keyId", checkpoint.KeyId);
            writer.WriteString("signature", checkpoint.Signature);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses one JSON line; false with a short reason when it is not a checkpoint.</summary>
    public static bool TryParse(string line, out AuditCheckpoint? checkpoint, out string? error)
    {
        checkpoint = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var at = DateTimeOffset.ParseExact(Text(root, "at"), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            checkpoint = new AuditCheckpoint(root.GetProperty("sequence").GetInt64(), Text(root, "hash"), at, Text(root, "keyId"), Text(root, "signature"));
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            error = ex.Message.ReplaceLineEndings(" ");
            return false;
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");
}
