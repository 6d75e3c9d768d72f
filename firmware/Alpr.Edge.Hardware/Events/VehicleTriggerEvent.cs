namespace Alpr.Edge.Hardware.Events;

/// <summary>The vehicle trigger (loop detector, radar contact) became active or released.</summary>
/// <param name="At">When the debounced contact changed.</param>
/// <param name="Active">Whether a vehicle is present.</param>
public sealed record VehicleTriggerEvent(DateTimeOffset At, bool Active);
