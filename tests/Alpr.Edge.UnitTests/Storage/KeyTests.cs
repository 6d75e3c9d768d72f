using System.Runtime.Versioning;
using Alpr.Edge.Storage;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Outbox;

namespace Alpr.Edge.UnitTests.Storage;

[SupportedOSPlatform("linux")]
public sealed class KeyTests
{
    [Fact]
    public void Device_key_is_written_owner_only_outside_the_database()
    {
        using var harness = new StoreHarness();

        Assert.True(File.Exists(harness.KeyPath));
        Assert.Equal(KeyFile.KeyBytes, new FileInfo(harness.KeyPath).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(harness.KeyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(harness.DatabasePath));
    }

    [Fact]
    public void A_key_file_others_can_read_is_refused_with_the_fix()
    {
        using var harness = new StoreHarness();
        harness.Store.Dispose();
        File.SetUnixFileMode(harness.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<StoreKeyException>(() => harness.Open());
        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
        File.SetUnixFileMode(harness.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        harness.Reopen();
    }

    [Fact]
    public void Another_devices_key_does_not_open_the_store()
    {
        using var harness = new StoreHarness();
        harness.AddRead("7ABC123");
        harness.Store.Dispose();
        File.Delete(harness.KeyPath);
        KeyFile.CreateNew(harness.KeyPath);

        var error = Assert.Throws<StoreKeyException>(() => harness.Open());
        Assert.Contains("does not open this store's keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_not_recreated_for_an_existing_store()
    {
        using var harness = new StoreHarness();
        harness.AddRead("7ABC123");
        harness.Store.Dispose();
        var kept = File.ReadAllBytes(harness.KeyPath);
        File.Delete(harness.KeyPath);

        Assert.Throws<StoreKeyException>(() => harness.Open());
        Assert.False(File.Exists(harness.KeyPath));
        File.WriteAllBytes(harness.KeyPath, kept);
        File.SetUnixFileMode(harness.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        harness.Reopen();
    }

    [Fact]
    public void Rotation_rewraps_while_open_and_old_records_stay_readable()
    {
        using var harness = new StoreHarness();
        var before = harness.AddRead("7ABC123", StoreHarness.Images(1024));
        var oldKey = File.ReadAllBytes(harness.KeyPath);

        var keyId = harness.Store.RotateKey();
        var after = harness.AddRead("5XYZ987");

        Assert.NotEqual(oldKey, File.ReadAllBytes(harness.KeyPath));
        Assert.False(File.Exists(harness.KeyPath + ".next"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(harness.KeyPath));
        Assert.True(harness.Store.TryRead(before.Id, out _));
        harness.Reopen();
        Assert.True(harness.Store.TryRead(before.Id, out var old));
        Assert.Equal(1024, old!.Evidence.PlateCropJpeg.Length + old.Evidence.OverviewJpeg.Length);
        Assert.True(harness.Store.TryRead(after.Id, out _));
        Assert.Equal(2, harness.Store.GetStats().KeyGenerations);
        Assert.True(keyId > 1);
        Assert.Equal(2, harness.Store.FindByPlate("7ABC123").Count + harness.Store.FindByPlate("5XYZ987").Count);
        Assert.True(harness.Store.Verify().Ok);
    }

    [Fact]
    public void A_rotation_cut_before_the_rename_is_finished_at_the_next_open()
    {
        using var harness = new StoreHarness();
        var read = harness.AddRead("7ABC123");
        var oldKey = File.ReadAllBytes(harness.KeyPath);
        harness.Store.RotateKey();
        harness.Store.Dispose();

        // Put the old key back as the key file and the new one as ".next": the state after the commit, before the rename.
        File.Move(harness.KeyPath, harness.KeyPath + ".next");
        File.WriteAllBytes(harness.KeyPath, oldKey);
        File.SetUnixFileMode(harness.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        harness.Reopen();

        Assert.False(File.Exists(harness.KeyPath + ".next"));
        Assert.NotEqual(oldKey, File.ReadAllBytes(harness.KeyPath));
        Assert.Equal(TransferState.NotSent, harness.Store.GetState(read.Id));
        Assert.True(harness.Store.Verify().Ok);
    }

    [Fact]
    public void A_rotation_cut_before_the_commit_leaves_the_old_key_in_force()
    {
        using var harness = new StoreHarness();
        var read = harness.AddRead("7ABC123");
        harness.Store.Dispose();
        KeyFile.CreateNew(harness.KeyPath + ".next");
        harness.Reopen();

        Assert.False(File.Exists(harness.KeyPath + ".next"));
        Assert.True(harness.Store.TryRead(read.Id, out _));
    }

    [Fact]
    public void A_systemd_credential_is_used_when_present()
    {
        using var harness = new StoreHarness();
        harness.Store.Dispose();
        var credentials = Directory.CreateTempSubdirectory("alpr-cred-").FullName;
        try
        {
            File.Copy(harness.KeyPath, Path.Combine(credentials, KeyLocation.CredentialName));
            File.SetUnixFileMode(Path.Combine(credentials, KeyLocation.CredentialName), UnixFileMode.UserRead);
            File.Delete(harness.KeyPath);
            var location = KeyLocation.Resolve(harness.Directory, credentials);
            Assert.True(location.IsSystemdCredential);
            using var store = EncryptedStore.Open(new EncryptedStoreOptions { DataDirectory = harness.Directory, DeviceId = StoreHarness.Device, KeyLocation = location }, harness.Time);
            Assert.Throws<StoreKeyException>(() => store.RotateKey());
            File.Copy(Path.Combine(credentials, KeyLocation.CredentialName), harness.KeyPath);
            File.SetUnixFileMode(harness.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        finally
        {
            Directory.Delete(credentials, recursive: true);
        }

        harness.Reopen();
    }
}
