namespace Alpr.Edge.Capture.Ffmpeg;

/// <summary>Reads concatenated JPEG images from a stream (ffmpeg's stdout), one whole image per call.</summary>
public sealed class JpegStreamReader
{
    private readonly Stream _stream;
    private readonly int _maxImageBytes;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    /// <summary>Reads from <paramref name="stream"/>; an image larger than <paramref name="maxImageBytes"/> is refused.</summary>
    public JpegStreamReader(Stream stream, int maxImageBytes = 32 << 20)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxImageBytes, 1024);
        _stream = stream;
        _maxImageBytes = maxImageBytes;
    }

    /// <summary>The next image, or <see langword="null"/> when the stream ends (a partial image at the end is discarded).</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            if (JpegFrameScanner.TryFind(pending, out var offset, out var length))
            {
                var image = pending.Slice(offset, length).ToArray();
                _start += offset + length;
                return image;
            }

            _start += offset;
            if (_end - _start > _maxImageBytes)
            {
                throw new InvalidDataException($"an image in the stream is larger than {_maxImageBytes >> 20} MiB or never ends");
            }

            MakeRoom();
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    private void MakeRoom()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_buffer.Length - _end < _buffer.Length / 4)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }
}
