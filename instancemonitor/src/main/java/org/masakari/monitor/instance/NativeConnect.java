package org.masakari.monitor.instance;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** A read-only libvirt connection that lends its native pointer to {@link LibvirtNative} calls. */
final class NativeConnect extends Connect {
  NativeConnect(String uri) throws LibvirtException {
    super(uri, true);
  }

  Pointer pointer() {
    return vcp.getPointer();
  }
}
