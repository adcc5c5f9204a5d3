package org.masakari.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.runtime.CoreRuntime;
import org.masakari.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code masakari engine --config masakari.conf}: the recovery engine (masakari-engine). */
@Command(name = "engine", mixinStandardHelpOptions = true, description = "Run the Masakari recovery engine.")
public final class EngineCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "masakari.conf (upstream format)")
  Path config;

  @Override
  public Integer call() {
    MasakariConfig cfg = ConfigLoading.load(config);
    CoreRuntime core = CoreRuntime.start(cfg, new CoreRuntime.Mode(null, false, null, null, List.of()));
    Engine engine = Engine.start(cfg, core.database(), core.queue());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close();
      core.close();
    }, "shutdown"));
    Daemon.started();
    return 0;
  }
}
