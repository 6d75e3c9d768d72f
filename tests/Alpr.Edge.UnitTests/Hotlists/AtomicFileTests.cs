using Alpr.Edge.Hotlists.Loading;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_file_is_replaced_whole_and_no_temporary_file_is_left()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "sub", "current.bundle");

        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        AtomicFile.WriteAllBytes(path, [4, 5]);

        Assert.Equal([4, 5], File.ReadAllBytes(path));
        Assert.Equal(["current.bundle"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_owner_only_file_cannot_be_read_by_others()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "key.pem");

        AtomicFile.WriteAllBytes(path, [1], ownerOnly: true);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
