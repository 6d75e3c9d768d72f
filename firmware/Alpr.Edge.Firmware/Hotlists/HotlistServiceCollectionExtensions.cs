using Alpr.Edge.Firmware.Events;
using Alpr.Edge.Firmware.Storage;
using Alpr.Edge.Firmware.Uplink;
using Alpr.Edge.Hotlists.Bundles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>Composition of the hot lists.</summary>
public static class HotlistServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HotlistOptions"/> (validated at start-up), the <see cref="InstalledHotlists"/> the reads are
    /// matched against (the local file and the last good bundle are loaded when it is first resolved, at start-up),
    /// the <see cref="HotlistInstaller"/>, the handler of bundles from the bridge and the hot-list part of the status.
    /// </summary>
    public static IServiceCollection AddHotlists(this IServiceCollection services)
    {
        services.AddOptions<HotlistOptions>().BindConfiguration(HotlistOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HotlistOptions>, HotlistOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HotlistOptions>>().Value;
            var keys = options.TrustedKeyFiles.Select(f => SigningKeys.ReadPublicKeyPem(File.ReadAllText(f)));
            return new HotlistBundleVerifier(keys, HotlistBundleLimits.Default with { MaxBundleBytes = options.MaxBundleBytes });
        });
        services.AddSingleton(sp => new LastGoodBundleFile(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory));
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<InstalledHotlists>>();
            var installed = HotlistStartup.LoadLocal(sp.GetRequiredService<IOptions<HotlistOptions>>().Value.File, sp.GetRequiredService<TimeProvider>(), logger);
            var verifier = sp.GetRequiredService<HotlistBundleVerifier>();
#pragma warning disable CA2000 // The installer is a singleton the container disposes.
            var installer = new HotlistInstaller(
                installed,
                verifier,
                sp.GetRequiredService<LastGoodBundleFile>(),
                sp.GetRequiredService<IDeviceEvents>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<HotlistInstaller>>());
#pragma warning restore CA2000
            HotlistStartup.RestoreLastGood(installer, installed, verifier.TrustedKeyIds.Count > 0, logger);
            return new Loaded(installed, installer);
        });
        services.AddSingleton(sp => sp.GetRequiredService<Loaded>().Installed);
        services.AddSingleton(sp => sp.GetRequiredService<Loaded>().Installer);
        services.AddSingleton<IInboundMessageHandler, HotlistBundleHandler>();
        services.AddSingleton<IStatusContributor, HotlistStatusContributor>();
        return services;
    }

    /// <summary>The hot lists and their installer, made together so the last good bundle runs before the first read.</summary>
    private sealed record Loaded(InstalledHotlists Installed, HotlistInstaller Installer);
}
