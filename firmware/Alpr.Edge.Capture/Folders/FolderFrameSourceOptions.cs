namespace Alpr.Edge.Capture.Folders;

/// <summary>Settings of an image-folder frame source.</summary>
public sealed record FolderFrameSourceOptions
{
    /// <summary>Folder holding the <c>.jpg</c>, <c>.jpeg</c> and <c>.png</c> files, read in name order.</summary>
    public required string Folder { get; init; }

    /// <summary>Time between frames; <see cref="TimeSpan.Zero"/> delivers them as fast as the consumer takes them.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Start again from the first file after the last one, instead of ending the stream.</summary>
    public bool Loop { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> for an unusable setting and <see cref="DirectoryNotFoundException"/> for a missing folder.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Folder))
        {
            throw new ArgumentException("Image folder option Folder must name a folder.");
        }

        if (Interval < TimeSpan.Zero)
        {
            throw new ArgumentException($"Image folder option Interval must not be negative, was {Interval}.");
        }

        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"Image folder '{Folder}' does not exist.");
        }
    }
}
