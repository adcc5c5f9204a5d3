package org.masakari.monitor.instance;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The few libvirt C calls libvirt-java 0.5.4 lacks: raw event registration (it has no listener for
 * WATCHDOG, IO_ERROR_REASON and CONTROL_ERROR, and its detail enums turn newer details into
 * UNKNOWN, while upstream's filter table works on the raw integers), and virDomainGetState, whose
 * shut-off reason the resync needs.
 */
interface LibvirtNative extends Library {
  LibvirtNative INSTANCE = Native.load("virt", LibvirtNative.class);

  int virConnectDomainEventRegisterAny(Pointer conn, Pointer dom, int eventId, Callback cb,
      Pointer opaque, Pointer freeCb);

  int virConnectDomainEventDeregisterAny(Pointer conn, int callbackId);

  int virDomainGetUUIDString(Pointer dom, byte[] buf);

  Pointer virDomainLookupByUUIDString(Pointer conn, String uuid);

  int virDomainGetState(Pointer dom, IntByReference state, IntByReference reason, int flags);

  int virDomainFree(Pointer dom);

  /** VIR_DOMAIN_EVENT_ID_LIFECYCLE. */
  interface LifecycleCallback extends Callback {
    int invoke(Pointer conn, Pointer dom, int event, int detail, Pointer opaque);
  }

  /** REBOOT and CONTROL_ERROR carry nothing but the domain. */
  interface GenericCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, Pointer opaque);
  }

  interface WatchdogCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, int action, Pointer opaque);
  }

  interface IoErrorCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, String srcPath, String devAlias, int action, Pointer opaque);
  }

  interface IoErrorReasonCallback extends Callback {
    void invoke(Pointer conn, Pointer dom, String srcPath, String devAlias, int action, String reason,
        Pointer opaque);
  }
}
