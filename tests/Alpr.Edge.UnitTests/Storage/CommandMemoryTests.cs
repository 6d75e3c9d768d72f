namespace Alpr.Edge.UnitTests.Storage;

/// <summary>The device store remembers the bridge's command ids durably, so a command re-delivered after a restart is applied once.</summary>
public sealed class CommandMemoryTests
{
    [Fact]
    public void A_command_id_is_new_once_and_stays_seen_after_the_store_is_reopened()
    {
        using var harness = new StoreHarness();
        var id = Guid.NewGuid();

        Assert.True(harness.Store.RememberCommand(id));
        Assert.False(harness.Store.RememberCommand(id));
        harness.Reopen();

        Assert.False(harness.Store.RememberCommand(id));
        Assert.True(harness.Store.RememberCommand(Guid.NewGuid()));
    }

    [Fact]
    public void Ids_older_than_the_memory_are_forgotten()
    {
        using var harness = new StoreHarness();
        var id = Guid.NewGuid();
        harness.Store.RememberCommand(id);

        harness.Time.Advance(Alpr.Edge.Storage.EncryptedStore.CommandMemory + TimeSpan.FromMinutes(1));

        Assert.True(harness.Store.RememberCommand(id));
    }
}
