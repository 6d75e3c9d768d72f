using Alpr.Edge.Bridge.Storage;
using MQTTnet;

namespace Alpr.Edge.Bridge.Ingest;

/// <summary>A received message, already checked, waiting to be stored and then acknowledged to the broker.</summary>
/// <param name="Topic">The topic it came on.</param>
/// <param name="Parsed">The record or the reason it is refused.</param>
/// <param name="Delivery">The MQTT delivery, acknowledged (PUBACK) only once the record (or its dead letter) is stored.</param>
/// <param name="DeadLetter">For a refused message: what goes to the dead letters (copied while the payload buffer is valid).</param>
internal sealed record IncomingMessage(string Topic, IngestParseResult Parsed, MqttApplicationMessageReceivedEventArgs Delivery, DeadLetter? DeadLetter = null);
