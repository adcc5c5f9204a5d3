package org.masakari.engine.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.masakari.client.config.IniFile;
import org.masakari.core.db.Database;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.core.nova.NovaCredentials;
import org.masakari.core.queue.RabbitWorkQueue;
import org.masakari.core.queue.TransportUrl;
import org.masakari.engine.Engine;
import org.masakari.engine.config.EngineOptions;
import org.masakari.engine.nova.OpenStack4jNova;

/**
 * An engine in its own JVM, so a test can kill it (SIGKILL) mid-flow. Arguments: JDBC URL, queue name,
 * Keystone auth URL, then INI lines. Prints READY when consuming.
 */
public final class EngineProcess {
  private EngineProcess() {}

  public static void main(String[] args) throws Exception {
    List<String> ini = new ArrayList<>(List.of(args).subList(3, args.length));
    EngineOptions options = EngineOptions.from(IniFile.parse(null, ini));
    Database db = new Database(DatabaseUrl.parse(args[0]), 10);
    RabbitWorkQueue queue = new RabbitWorkQueue(TransportUrl.parse("rabbit://guest:guest@127.0.0.1:5672/"), args[1]).start();
    if (!queue.awaitConnected(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("RabbitMQ not reachable");
    }
    NovaCredentials creds = new NovaCredentials(args[2], "masakari", "secret", "service", "Default", "Default",
        "RegionOne", "compute", "nova", "public", false, 10);
    Engine.start(options, db, queue, new OpenStack4jNova(creds));
    System.out.println("READY");
    System.out.flush();
    // bounded: the parent kills us long before
    new CountDownLatch(1).await(5, TimeUnit.MINUTES);
    System.exit(0);
  }
}
