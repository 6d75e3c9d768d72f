namespace Alpr.Edge.Hardware.Events;

/// <summary>The enclosure was opened or closed (audit-relevant: store it and send it to the bridge as an alert).</summary>
/// <param name="At">When the debounced switch changed.</param>
/// <param name="Opened">Whether the enclosure is now open.</param>
/// <param name="HeaderPin">The switch's header pin, for the alert text.</param>
public sealed record TamperEvent(DateTimeOffset At, bool Opened, int HeaderPin);
