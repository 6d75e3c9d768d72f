using System.Threading.Channels;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>Wakes the uplink when new records are committed to the store. Signals coalesce; nothing is carried.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Says there is something new to send.</summary>
    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until notified or <paramref name="timeout"/> passes; true when notified.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out _))
        {
            return true;
        }

        try
        {
            await _channel.Reader.WaitToReadAsync(cancellationToken).AsTask().WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }

        return _channel.Reader.TryRead(out _);
    }
}
