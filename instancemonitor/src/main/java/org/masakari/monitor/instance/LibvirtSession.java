package org.masakari.monitor.instance;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.masakari.client.notifier.GeneratedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read-only connection with keepalive, a close callback and the event callbacks upstream's
 * table needs. Callbacks run on libvirt's event-loop thread: they read the uuid (a local struct
 * read, no RPC) and hand the event to {@code sink}, which must not block.
 */
final class LibvirtSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LibvirtSession.class);
  static final int KEEPALIVE_INTERVAL_S = 5;
  static final int KEEPALIVE_COUNT = 3;
  private static final LibvirtNative LV = LibvirtNative.INSTANCE;
  private static final int N = DomainEvent.NONE;

  private final String uri;
  private final NativeConnect conn;
  private final Consumer<DomainEvent> sink;
  private final Clock clock;
  private final AtomicBoolean closedByPeer = new AtomicBoolean();
  private final List<Integer> callbackIds = new ArrayList<>();
  /** JNA frees a callback once unreachable; libvirt would then call freed code. */
  private final List<Callback> keepReachable = new ArrayList<>();

  LibvirtSession(String uri, Consumer<DomainEvent> sink, Clock clock) throws LibvirtException {
    this.uri = uri;
    this.sink = sink;
    this.clock = clock;
    LibvirtEventLoop.ensureRunning();
    this.conn = new NativeConnect(uri);
    try {
      conn.setKeepAlive(KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT);
      conn.registerCloseListener((c, reason) -> {
        closedByPeer.set(true);
        LOG.warn("[libvirt {}] connection closed: {}", uri, reason);
      });
      register(EventFilter.LIFECYCLE, (LibvirtNative.LifecycleCallback) (c, dom, event, detail, o) -> {
        emit(EventFilter.LIFECYCLE, event, detail, dom);
        return 0;
      });
      register(EventFilter.REBOOT, (LibvirtNative.GenericCallback) (c, dom, o) -> emit(EventFilter.REBOOT, N, N, dom));
      register(EventFilter.WATCHDOG, (LibvirtNative.WatchdogCallback) (c, dom, action, o) ->
          emit(EventFilter.WATCHDOG, action, N, dom));
      register(EventFilter.IO_ERROR, (LibvirtNative.IoErrorCallback) (c, dom, src, alias, action, o) ->
          emit(EventFilter.IO_ERROR, action, N, dom));
      register(EventFilter.IO_ERROR_REASON,
          (LibvirtNative.IoErrorReasonCallback) (c, dom, src, alias, action, reason, o) ->
              emit(EventFilter.IO_ERROR_REASON, N, N, dom));
      register(EventFilter.CONTROL_ERROR, (LibvirtNative.GenericCallback) (c, dom, o) ->
          emit(EventFilter.CONTROL_ERROR, N, N, dom));
    } catch (LibvirtException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void register(int eventId, Callback cb) throws LibvirtException {
    int id = LV.virConnectDomainEventRegisterAny(conn.pointer(), null, eventId, cb, null, null);
    if (id < 0) {
      throw new IllegalStateException("[libvirt " + uri + "] cannot register event id " + eventId);
    }
    keepReachable.add(cb);
    callbackIds.add(id);
  }

  private void emit(int eventId, int type, int detail, Pointer dom) {
    try {
      sink.accept(new DomainEvent(eventId, type, detail, uuidOf(dom), GeneratedTime.now(clock)));
    } catch (RuntimeException e) {
      // an exception must not unwind into libvirt's C loop
      LOG.error("[libvirt {}] event {} dropped: {}", uri, eventId, e.toString());
    }
  }

  private static String uuidOf(Pointer dom) {
    byte[] buf = new byte[37]; // VIR_UUID_STRING_BUFLEN
    if (LV.virDomainGetUUIDString(dom, buf) < 0) {
      throw new IllegalStateException("virDomainGetUUIDString failed");
    }
    return new String(buf, 0, 36, StandardCharsets.US_ASCII);
  }

  /** False once the peer closed the connection or keepalive gave up. */
  boolean isAlive() {
    try {
      return !closedByPeer.get() && conn.isAlive();
    } catch (LibvirtException e) {
      return false;
    }
  }

  /** Every domain with state and shut-off reason (libvirt-java has no virDomainGetState). */
  List<DomainState> listStates() throws LibvirtException {
    List<DomainState> out = new ArrayList<>();
    for (Domain d : conn.listAllDomains(0)) {
      String uuid = d.getUUIDString();
      Pointer dp = LV.virDomainLookupByUUIDString(conn.pointer(), uuid);
      if (dp == null) {
        continue; // undefined between listing and lookup
      }
      try {
        IntByReference state = new IntByReference();
        IntByReference reason = new IntByReference();
        if (LV.virDomainGetState(dp, state, reason, 0) == 0) {
          out.add(new DomainState(uuid, state.getValue(), reason.getValue()));
        }
      } finally {
        LV.virDomainFree(dp);
      }
    }
    return out;
  }

  @Override
  public void close() {
    for (int id : callbackIds) {
      LV.virConnectDomainEventDeregisterAny(conn.pointer(), id); // fails harmlessly on a dead connection
    }
    callbackIds.clear();
    try {
      conn.unregisterCloseListener();
    } catch (LibvirtException | RuntimeException e) {
      LOG.debug("[libvirt {}] unregister close listener: {}", uri, e.toString());
    }
    try {
      conn.close();
    } catch (LibvirtException e) {
      LOG.debug("[libvirt {}] close: {}", uri, e.toString());
    }
  }
}
