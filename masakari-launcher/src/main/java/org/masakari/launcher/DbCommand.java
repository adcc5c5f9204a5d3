package org.masakari.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.db.Database;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.core.service.DbPurge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code masakari db sync|version|purge}: the masakari-manage db equivalents. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database schema and maintenance.",
    subcommands = {DbCommand.Sync.class, DbCommand.Version.class, DbCommand.Purge.class})
public final class DbCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  static Database open(Path config, Path dataDir) {
    MasakariConfig cfg = ConfigLoading.load(config);
    cfg.warnings().forEach(w -> org.slf4j.LoggerFactory.getLogger(DbCommand.class).warn(w));
    DatabaseUrl url = cfg.database().connection().orElseGet(() -> DatabaseUrl.h2File(dataDir));
    return new Database(url, 2);
  }

  abstract static class DbOptions {
    @Option(names = "--config", required = true, description = "masakari.conf") Path config;

    @Option(names = "--data-dir", defaultValue = "var/aio",
        description = "embedded H2 directory when [database] connection is unset (default: ${DEFAULT-VALUE})")
    Path dataDir;
  }

  @Command(name = "sync", description = "Create or upgrade the schema to the latest version.")
  static final class Sync extends DbOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      try (Database db = open(config, dataDir)) {
        db.migrate();
        System.out.println(db.current());
      }
      return 0;
    }
  }

  @Command(name = "version", description = "Print the current schema version.")
  static final class Version extends DbOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      try (Database db = open(config, dataDir)) {
        System.out.println(db.current());
      }
      return 0;
    }
  }

  @Command(name = "purge", description = "Hard-delete soft-deleted rows and old finished notifications.")
  static final class Purge extends DbOptions implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"--age-in-days", "--age_in_days"}, defaultValue = "30",
        description = "rows older than this many days (default 30)")
    long ageInDays;

    @Option(names = {"--max-rows", "--max_rows"}, defaultValue = "-1",
        description = "stop after this many rows (-1 = no limit)")
    long maxRows;

    @Override
    public Integer call() {
      if (maxRows == 0) {
        throw new ParameterException(spec.commandLine(), "Must supply value greater than 0 for max_rows.");
      }
      if (maxRows < -1 || maxRows > Integer.MAX_VALUE) {
        throw new ParameterException(spec.commandLine(), "Invalid input received: max_rows must be >= -1 and <= "
            + Integer.MAX_VALUE);
      }
      if (ageInDays < 0) {
        throw new ParameterException(spec.commandLine(), "Must supply a non-negative value for age.");
      }
      long daysSinceEpoch = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toEpochDay();
      if (ageInDays >= daysSinceEpoch) {
        throw new ParameterException(spec.commandLine(), "Maximal age is count of days since epoch.");
      }
      try (Database db = open(config, dataDir)) {
        db.requireCurrentSchema();
        long n = new DbPurge(db.tx()).purge((int) ageInDays, maxRows);
        System.out.println("Purged " + n + " rows");
      }
      return 0;
    }
  }
}
