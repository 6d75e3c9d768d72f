namespace Alpr.Edge.UnitTests.Hardware;

/// <summary>Paths of the repository files the hardware tests compare against.</summary>
internal static class HardwareTestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Pinouts => Path.Combine(RepositoryRoot, "hardware", "pinouts");

    public static string WiringDocs => Path.Combine(RepositoryRoot, "docs", "wiring");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alpr.Edge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Alpr.Edge.sln above {AppContext.BaseDirectory}.");
    }
}
