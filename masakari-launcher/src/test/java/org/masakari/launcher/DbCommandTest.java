package org.masakari.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masakari.core.db.Database;
import org.masakari.core.db.DatabaseUrl;
import picocli.CommandLine;

/** {@code masakari db sync|version|purge}: masakari-manage semantics, argument checks, real MariaDB. */
class DbCommandTest {

  private static int run(StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void syncVersionAndPurgeOnMariaDb(@TempDir Path tmp) throws Exception {
    String db = SharedLabs.createMariaDb();
    try {
      Path conf = tmp.resolve("masakari.conf");
      Files.writeString(conf, "[DEFAULT]\nauth_strategy = noauth2\nnova_compute_host_check = false\n[database]\n"
          + "connection = mysql+pymysql://root:@127.0.0.1:3306/" + db + "?charset=utf8\n");
      StringWriter err = new StringWriter();
      assertThat(run(err, "db", "sync", "--config", conf.toString())).isZero();
      DatabaseUrl url = DatabaseUrl.parse("mysql+pymysql://root:@127.0.0.1:3306/" + db);
      try (Database d = new Database(url, 2)) {
        String version = d.current();
        assertThat(version).isNotEqualTo("none");
        LocalDateTime old = LocalDateTime.now(ZoneOffset.UTC).minusDays(40);
        d.tx().run(s -> {
          s.createNativeMutationQuery("insert into failover_segments (created_at, deleted_at, deleted, uuid, name,"
              + " service_type, recovery_method, enabled) values (:t, :t, 1, 'u1', 'gone', 'C', 'auto', true)")
              .setParameter("t", old).executeUpdate();
          s.createNativeMutationQuery("insert into failover_segments (created_at, deleted, uuid, name, service_type,"
              + " recovery_method, enabled) values (:t, 0, 'u2', 'live', 'C', 'auto', true)")
              .setParameter("t", old).executeUpdate();
          for (String status : new String[] {"finished", "failed", "running", "new"}) {
            s.createNativeMutationQuery("insert into notifications (created_at, updated_at, deleted, notification_uuid,"
                + " generated_time, source_host_uuid, type, payload, status) values (:t, :t, 0, :u, :t, 'h', 'VM', '{}', :s)")
                .setParameter("t", old).setParameter("u", "n-" + status).setParameter("s", status).executeUpdate();
          }
        });
      }
      assertThat(run(err, "db", "purge", "--config", conf.toString(), "--max_rows", "0")).isNotZero();
      assertThat(err.toString()).contains("Must supply value greater than 0 for max_rows.");
      assertThat(run(err, "db", "purge", "--config", conf.toString(), "--age-in-days", "-1")).isNotZero();
      assertThat(run(err, "db", "purge", "--config", conf.toString(), "--age-in-days", "30", "--max-rows", "1")).isZero();
      assertThat(run(err, "db", "purge", "--config", conf.toString(), "--age_in_days", "30")).isZero();
      try (Database d = new Database(url, 2)) {
        long segments = d.tx().call(s -> s.createNativeQuery("select count(*) from failover_segments", Long.class)
            .getSingleResult());
        var statuses = d.tx().call(s -> s.createNativeQuery("select status from notifications order by status", String.class)
            .getResultList());
        assertThat(segments).isEqualTo(1); // the live one stays
        assertThat(statuses).containsExactly("new", "running"); // only terminal notifications are purged
      }
      assertThat(run(err, "db", "version", "--config", conf.toString())).isZero();
    } finally {
      SharedLabs.dropMariaDb(db);
    }
  }

  @Test
  void badConfigNamesFileLineAndOptionAndExitsNonZero(@TempDir Path tmp) throws Exception {
    Path conf = tmp.resolve("bad.conf");
    Files.writeString(conf, "[DEFAULT]\nauth_strategy = noauth2\nnova_compute_host_check = false\n"
        + "osapi_max_limit = many\n");
    StringWriter err = new StringWriter();
    assertThat(run(err, "api", "--config", conf.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(conf + ":4 [DEFAULT] osapi_max_limit: not an integer: 'many'");
    assertThat(run(err, "api", "--config", tmp.resolve("missing.conf").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.conf: configuration file not found");
  }
}
