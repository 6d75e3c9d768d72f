namespace Alpr.Edge.Capture.Simulation.Traffic;

/// <summary>
/// Proportions of a vehicle seen from behind, in scene units at the nearest lane position
/// (where a plate is 225 units wide).
/// </summary>
/// <param name="Name">Body type.</param>
/// <param name="Width">Body width.</param>
/// <param name="Height">Height from the ground to the roof.</param>
/// <param name="WaistLine">Height of the lower body (below the rear window) as a fraction of <paramref name="Height"/>.</param>
/// <param name="RoofWidth">Width of the roof as a fraction of <paramref name="Width"/>.</param>
/// <param name="TallLights">Whether the tail lights run up the body sides (SUVs, vans) rather than across.</param>
public sealed record VehicleModel(string Name, float Width, float Height, float WaistLine, float RoofWidth, bool TallLights)
{
    /// <summary>Saloon car.</summary>
    public static VehicleModel Sedan { get; } = new("sedan", 500, 390, 0.60f, 0.64f, false);

    /// <summary>Hatchback.</summary>
    public static VehicleModel Hatchback { get; } = new("hatchback", 480, 405, 0.57f, 0.72f, false);

    /// <summary>Sport utility vehicle.</summary>
    public static VehicleModel Suv { get; } = new("suv", 530, 460, 0.56f, 0.80f, true);

    /// <summary>Delivery van.</summary>
    public static VehicleModel Van { get; } = new("van", 540, 520, 0.52f, 0.90f, true);

    /// <summary>All body types.</summary>
    public static IReadOnlyList<VehicleModel> All { get; } = [Sedan, Hatchback, Suv, Van];
}
