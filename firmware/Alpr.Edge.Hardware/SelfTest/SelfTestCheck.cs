namespace Alpr.Edge.Hardware.SelfTest;

/// <summary>One line of the field-tech self-test.</summary>
/// <param name="Name">What was checked ("illuminator enable", "light sensor").</param>
/// <param name="Passed">Whether it works.</param>
/// <param name="Detail">What was seen (a reading, the pin, the error).</param>
/// <param name="Fix">What to do when it failed; <see langword="null"/> when it passed.</param>
public sealed record SelfTestCheck(string Name, bool Passed, string Detail, string? Fix = null)
{
    /// <summary>A passing check.</summary>
    public static SelfTestCheck Pass(string name, string detail) => new(name, true, detail);

    /// <summary>A failing check with its fix.</summary>
    public static SelfTestCheck Fail(string name, string detail, string fix) => new(name, false, detail, fix);
}
