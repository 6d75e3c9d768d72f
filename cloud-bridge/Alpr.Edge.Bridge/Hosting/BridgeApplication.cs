using Alpr.Edge.Bridge.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>The in-process entry point: builds a bridge from options, for the CLI and for tests.</summary>
public static class BridgeApplication
{
    /// <summary>
    /// Builds a bridge. Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> are invalid.
    /// <paramref name="configureServices"/> runs last, so tests can replace services (e.g. the <c>RecordPrinter</c>)
    /// or logging providers.
    /// </summary>
    public static BridgeHost Build(BridgeOptions options, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new BridgeOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(BridgeOptions), validation.Failures);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(BridgeApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(options.Urls);
        if (options.UsesWebTls)
        {
            // Read once at start-up: a bad file fails the start with the loader's one-line message.
            var certificate = WebCertificate.Load(options.WebCertificateFile!, options.WebKeyFile!);
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
        });
        // Standard output carries the one-line-per-record feed; every log line goes to standard error.
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Keys kept in the data folder (owner-only, like the database); the warning that they are not encrypted at rest is expected.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // A start-up or background-service failure (e.g. a port is taken) is reported by the CLI as one line, without a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddBridge(options);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseBridgeWeb();
        app.MapBridgeEndpoints();
        return new BridgeHost(app);
    }
}
