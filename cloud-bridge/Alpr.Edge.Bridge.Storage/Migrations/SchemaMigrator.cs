using System.Data.Common;
using System.Reflection;
using EvolveDb;
using EvolveDb.Dialect;
using EvolveDb.Migration;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Storage.Migrations;

/// <summary>
/// Brings a central store's schema up to date with Evolve: the versioned SQL scripts embedded in the engine's assembly
/// under <c>{assembly}.Migrations</c> (<c>V1__previous_release_schema.sql</c>, <c>V2__...</c>), applied in order, each in
/// its own transaction, recorded in Evolve's <c>changelog</c> table. A database that has a version this bridge does not
/// know was written by a newer bridge and is refused.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Evolve's table of applied migrations.</summary>
    public const string ChangelogTable = "changelog";

    /// <summary>Applies the pending migrations on the open <paramref name="connection"/>; returns how many were applied.</summary>
    public static int Migrate(DbConnection connection, DBMS engine, Assembly scripts, string databaseName, ILogger logger)
    {
        var evolve = new Evolve(connection, line => StorageLog.Migration(logger, line), engine)
        {
            EmbeddedResourceAssemblies = [scripts],
            EmbeddedResourceFilters = [$"{scripts.GetName().Name}.Migrations"],
            MetadataTableName = ChangelogTable,
            IsEraseDisabled = true,
            // Several bridge instances may start at once: Evolve takes a database lock around the migrations.
            EnableClusterMode = true,
            CommandTimeout = 300,
        };
        var newest = evolve.Info().Where(m => !string.IsNullOrEmpty(m.Version)).Select(m => new MigrationVersion(m.Version!)).DefaultIfEmpty().Max();
        var known = KnownVersions(scripts, evolve.EmbeddedResourceFilters.First());
        if (newest is not null && known.Count > 0 && newest > known.Max)
        {
            throw new StoreUnavailableException(
                $"{databaseName} has schema version {newest}; this bridge knows up to {known.Max}. Use a newer bridge.");
        }

        evolve.Migrate();
        foreach (var applied in evolve.AppliedMigrations)
        {
            StorageLog.MigrationApplied(logger, databaseName, applied);
        }

        return evolve.NbMigration;
    }

    /// <summary>The versions of the migrations <paramref name="scripts"/> carries, in order (as the changelog records them).</summary>
    public static IReadOnlyList<string> ScriptVersions(Assembly scripts)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        return KnownVersions(scripts, $"{scripts.GetName().Name}.Migrations").Select(v => v.Label).ToList();
    }

    private static SortedSet<MigrationVersion> KnownVersions(Assembly scripts, string filter) =>
        new(scripts.GetManifestResourceNames()
            .Where(n => n.StartsWith(filter + ".V", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => new MigrationVersion(n[(filter.Length + 2)..n.IndexOf("__", StringComparison.Ordinal)].Replace('_', '.'))));
}
