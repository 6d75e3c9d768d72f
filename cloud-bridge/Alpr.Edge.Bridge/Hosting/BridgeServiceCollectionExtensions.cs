using Alpr.Edge.Bridge.Access.Purposes;
using Alpr.Edge.Bridge.Access;
using Alpr.Edge.Bridge.Audit.Checkpoints;
using Alpr.Edge.Bridge.Audit.Reports;
using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Broker;
using Alpr.Edge.Bridge.Evidence;
using Alpr.Edge.Bridge.Holds;
using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Keys;
using Alpr.Edge.Bridge.Printing;
using Alpr.Edge.Bridge.Retention;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Transfers;
using Alpr.Edge.Bridge.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>Composition of the bridge, one method per area. Hosted services start in the order added.</summary>
public static class BridgeServiceCollectionExtensions
{
    /// <summary>Options (validated at start-up), clock, metrics, and every area below.</summary>
    public static IServiceCollection AddBridge(this IServiceCollection services, BridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddOptions<BridgeOptions>().Configure(options.CopyTo).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BridgeOptions>, BridgeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        return services
            .AddBridgeStorage()
            .AddBridgeBroker(options)
            .AddBridgeIngest()
            .AddBridgeWeb(options);
    }

    /// <summary>The central store <c>storage.provider</c> names (SQLite or PostgreSQL), its start-up migrations and the retention purge.</summary>
    public static IServiceCollection AddBridgeStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => CentralStores.Create(sp.GetRequiredService<IOptions<BridgeOptions>>().Value, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => (IHitDispositionStore)sp.GetRequiredService<ICentralStore>());
        services.AddSingleton(sp => (ICletsRecordStore)sp.GetRequiredService<ICentralStore>());
        services.AddSingleton(sp => (ISharingStore)sp.GetRequiredService<ICentralStore>());
        services.AddSingleton(sp => (IAccountStore)sp.GetRequiredService<ICentralStore>());
        services.AddHostedService<StoreInitializer>();
        services.AddBridgeAudit();
        services.AddSingleton<HoldActions>();
        services.AddSingleton<EvidenceExporter>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddSingleton<TransferWatchService>();
        services.AddHostedService(sp => sp.GetRequiredService<TransferWatchService>());
        return services;
    }

    /// <summary>
    /// The hash-chained audit trail over the central store, its checkpointer (the audit key in the data folder, created
    /// on first start, and the checkpoint file), the periodic checkpoint, the reports and the monthly regular audit.
    /// </summary>
    public static IServiceCollection AddBridgeAudit(this IServiceCollection services)
    {
        services.AddSingleton(sp => CentralStores.AuditOf(sp.GetRequiredService<ICentralStore>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BridgeOptions>>().Value;
            return new AuditCheckpointer(
                sp.GetRequiredService<IAuditStore>(),
                AuditKey.LoadOrCreate(options.DataDirectory),
                new AuditCheckpointFile(options.ResolveAuditCheckpointFile()),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<AuditCheckpointer>>());
        });
        services.AddSingleton(sp => new ChainedAuditTrail(
            sp.GetRequiredService<IAuditStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ChainedAuditTrail>>(),
            sp.GetRequiredService<AuditCheckpointer>(),
            sp.GetRequiredService<IOptions<BridgeOptions>>().Value.AuditCheckpointEveryEntries));
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<ChainedAuditTrail>());
        services.AddHostedService<AuditCheckpointService>();
        services.AddSingleton(sp => new AuditReporter(
            sp.GetRequiredService<IAuditStore>(), sp.GetRequiredService<ICentralStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RegularAuditService>();
        services.AddHostedService(sp => sp.GetRequiredService<RegularAuditService>());
        return services;
    }

    /// <summary>The embedded broker, when a port for it is configured.</summary>
    public static IServiceCollection AddBridgeBroker(this IServiceCollection services, BridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EmbeddedBrokerPort is not null)
        {
            services.AddHostedService<EmbeddedBroker>();
        }

        return services;
    }

    /// <summary>The MQTT ingest, its state and metrics, the record printer (standard output), and the holds pushed to devices.</summary>
    public static IServiceCollection AddBridgeIngest(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => new RecordPrinter(Console.Out));
        services.AddSingleton<IngestState>();
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<BridgeMessageSigner>();
        services.AddSingleton<DeviceAdmission>();
        services.AddSingleton<MqttIngestService>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttIngestService>());
        services.AddSingleton<DeviceHoldPush>();
        services.AddSingleton<HoldReleaseRetryService>();
        services.AddHostedService(sp => sp.GetRequiredService<HoldReleaseRetryService>());
        return services;
    }

    /// <summary>
    /// JSON for the API; accounts (Identity over the central store), sessions, API tokens and anti-forgery, with the
    /// data-protection keys that sign session cookies kept in the data folder (so sessions survive a restart).
    /// </summary>
    public static IServiceCollection AddBridgeWeb(this IServiceCollection services, BridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BridgeJson.Default));
        services.AddSingleton<HitViews>();
        services.AddSingleton(sp => new PurposeCatalog(sp.GetRequiredService<IOptions<BridgeOptions>>().Value.Purposes));
        services.AddDataProtection()
            .SetApplicationName("alpr-bridge")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, DataProtectionFolder)));
        services.AddBridgeAccounts();
        services.AddBridgeSessions();
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return services;
    }

    /// <summary>Folder, under the data folder, of the keys that protect session cookies.</summary>
    public const string DataProtectionFolder = "data-protection-keys";
}
