using Alpr.Edge.CommandLine;
using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Hotlists.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>Runs the device host for <c>alpr-edge run</c> and turns failures into one line and an exit code.</summary>
internal static class FirmwareRunner
{
    public static async Task<int> RunAsync(FirmwareRunSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = FirmwareHost.Build(settings);
        }
        catch (FirmwareConfigurationException ex)
        {
            return Fail(error, ex.Message, ExitCodes.BadUsage);
        }

        var newDataFolder = NewDataFolder.Of(host);
        using (host)
        {
            try
            {
                // Every option is bound and validated before any service is made, so a wrong setting is said before
                // models load or the data folder is touched.
                host.Services.GetService<IStartupValidator>()?.Validate();
                await host.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var causes = ex is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [ex];
                var message = string.Join("; ", causes.Select(c => ParseErrorText.Describe(c.Message)));
                if (!causes.All(IsConfigurationError))
                {
                    return Fail(error, $"cannot start: {message}", ExitCodes.Failure);
                }

                host.Dispose();
                newDataFolder?.RemoveIfEmpty();
                return Fail(error, message, ExitCodes.BadUsage);
            }

            await host.WaitForShutdownAsync(CancellationToken.None);
            var failed = host.Services.GetServices<IHostedService>()
                .OfType<BackgroundService>()
                .Select(s => s.ExecuteTask?.Exception?.GetBaseException())
                .FirstOrDefault(e => e is not null);
            return failed is null ? ExitCodes.Success : Fail(error, $"stopped after a failure: {failed.Message}", ExitCodes.Failure);
        }
    }

    private static int Fail(TextWriter error, string message, int exitCode)
    {
        error.WriteLine($"alpr-edge: {message.ReplaceLineEndings(" ")}");
        return exitCode;
    }

    private static bool IsConfigurationError(Exception ex) =>
        ex is OptionsValidationException or FirmwareConfigurationException or HotlistFormatException
        || (ex is InvalidOperationException && ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal));
}
