using System.Buffers;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// A message the bridge refused, kept with the reason so every message is accounted for (stored, duplicate or here).
/// Nothing of it was applied. Build one with <see cref="Create"/>, which keeps at most <see cref="MaxKeptBytes"/> of the payload.
/// </summary>
/// <param name="ReceivedAt">When the bridge received it.</param>
/// <param name="Topic">The MQTT topic it came on.</param>
/// <param name="Reason">Why it was refused, in one line.</param>
/// <param name="Payload">The payload as received, cut to <see cref="MaxKeptBytes"/>.</param>
/// <param name="PayloadBytes">The payload's full size.</param>
public sealed record DeadLetter(DateTimeOffset ReceivedAt, string Topic, string Reason, byte[] Payload, long PayloadBytes)
{
    /// <summary>Most payload bytes kept: enough to see what was sent, without letting a flood of junk fill the disk.</summary>
    public const int MaxKeptBytes = 64 * 1024;

    /// <summary>A dead letter of <paramref name="payload"/>, cut to <see cref="MaxKeptBytes"/>.</summary>
    public static DeadLetter Create(DateTimeOffset receivedAt, string topic, string reason, in ReadOnlySequence<byte> payload) =>
        new(receivedAt, topic, reason, payload.Slice(0, Math.Min(payload.Length, MaxKeptBytes)).ToArray(), payload.Length);
}
