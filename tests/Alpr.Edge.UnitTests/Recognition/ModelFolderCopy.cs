namespace Alpr.Edge.UnitTests.Recognition;

/// <summary>A temporary copy of the built models folder (manifests, committed and fetched models), deleted on dispose.</summary>
internal sealed class ModelFolderCopy : IDisposable
{
    public ModelFolderCopy()
    {
        Path = Directory.CreateTempSubdirectory("alpr-models-").FullName;
        foreach (var file in Directory.EnumerateFiles(FetchedModels.Directory, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(FetchedModels.Directory, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
