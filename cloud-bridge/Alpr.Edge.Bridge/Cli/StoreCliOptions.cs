using System.CommandLine;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// <c>--config FILE</c> and <c>--data DIR</c> for the verbs that work on the central store itself (holds, evidence):
/// the same store the running bridge uses, opened and migrated for the one command.
/// </summary>
internal sealed class StoreCliOptions
{
    private readonly Option<string?> _config = new("--config") { Description = "The bridge's JSON config file (its storage and data folder)", HelpName = "FILE" };
    private readonly Option<string?> _data = new("--data") { Description = "Data folder holding bridge.db and the keys [default: the config's, else ./bridge-data]", HelpName = "DIR" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_config);
        command.Options.Add(_data);
    }

    /// <summary>The bridge options the command names, or a one-line reason.</summary>
    public bool TryGetOptions(ParseResult parseResult, out BridgeOptions options, out string? error)
    {
        options = new BridgeOptions();
        if (parseResult.GetValue(_config) is { } configPath && !BridgeConfigFile.TryLoad(configPath, out options, out error))
        {
            return false;
        }

        options.DataDirectory = parseResult.GetValue(_data) ?? options.DataDirectory;
        var validation = new BridgeOptionsValidator().Validate(null, options);
        error = validation.Failed ? string.Join("; ", validation.Failures) : null;
        return !validation.Failed;
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the store the command names, closed afterwards. Bad options exit with
    /// <see cref="ExitCodes.Usage"/>, a store that cannot be opened with <see cref="ExitCodes.Failure"/>, one line each.
    /// </summary>
    public async Task<int> RunAsync(
        ParseResult parseResult, TextWriter error, Func<BridgeOptions, ICentralStore, Task<int>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!TryGetOptions(parseResult, out var options, out var problem))
        {
            return await HotlistCommand.FailAsync(error, ExitCodes.Usage, problem!);
        }

        ICentralStore store;
        try
        {
            store = await OpenAsync(options, cancellationToken);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or IOException or UnauthorizedAccessException)
        {
            return await HotlistCommand.FailAsync(error, ExitCodes.Failure, ex.Message);
        }

        try
        {
            return await action(options, store);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or IOException or UnauthorizedAccessException)
        {
            return await HotlistCommand.FailAsync(error, ExitCodes.Failure, ex.Message);
        }
        finally
        {
            await CentralStores.CloseAsync(store);
        }
    }

    /// <summary>Opens and migrates the store <paramref name="options"/> names; throws <see cref="StoreUnavailableException"/> with one line.</summary>
    public static async Task<ICentralStore> OpenAsync(BridgeOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var store = CentralStores.Create(options, NullLoggerFactory.Instance);
        try
        {
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch
        {
            await CentralStores.CloseAsync(store);
            throw;
        }
    }
}
