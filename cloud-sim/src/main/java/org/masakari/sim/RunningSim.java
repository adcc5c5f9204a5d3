package org.masakari.sim;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.masakari.sim.cloud.CloudState;
import org.masakari.sim.cloud.ServerOperations;
import org.masakari.sim.control.FaultInjector;
import org.masakari.sim.keystone.Identity;
import org.masakari.sim.keystone.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started simulator: where it listens, its state for direct inspection, and {@link #close()}. */
public final class RunningSim implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunningSim.class);

  private final Vertx vertx;
  private final String host;
  private final int keystonePort;
  private final int novaPort;
  private final CloudState state;
  private final ServerOperations servers;
  private final FaultInjector faults;
  private final Identity identity;
  private final TokenStore tokens;

  RunningSim(Vertx vertx, String host, int keystonePort, int novaPort, CloudState state, ServerOperations servers,
      FaultInjector faults, Identity identity, TokenStore tokens) {
    this.vertx = vertx;
    this.host = host;
    this.keystonePort = keystonePort;
    this.novaPort = novaPort;
    this.state = state;
    this.servers = servers;
    this.faults = faults;
    this.identity = identity;
    this.tokens = tokens;
  }

  public int keystonePort() {
    return keystonePort;
  }

  public int novaPort() {
    return novaPort;
  }

  /** {@code http://127.0.0.1:5000/v3}: the auth URL clients use. */
  public String keystoneUrl() {
    return "http://" + host + ":" + keystonePort + "/v3";
  }

  /** {@code http://127.0.0.1:8774/v2.1}: the compute endpoint of the catalog. */
  public String novaUrl() {
    return novaRoot() + "/v2.1";
  }

  /** {@code http://127.0.0.1:8774}: the control API is under {@code /sim} here. */
  public String novaRoot() {
    return "http://" + host + ":" + novaPort;
  }

  public CloudState state() {
    return state;
  }

  public ServerOperations servers() {
    return servers;
  }

  public FaultInjector faults() {
    return faults;
  }

  public Identity identity() {
    return identity;
  }

  public TokenStore tokens() {
    return tokens;
  }

  /** Stops both servers and every timer; waits up to the start timeout. */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(CloudSim.startTimeout().toSeconds(), TimeUnit.SECONDS);
      LOG.info("[sim] stopped");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.warn("[sim] stop did not complete cleanly: {}", e.toString());
    }
  }
}
