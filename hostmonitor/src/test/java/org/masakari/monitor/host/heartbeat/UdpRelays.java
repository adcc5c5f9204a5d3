package org.masakari.monitor.host.heartbeat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test network on loopback: node i's peer address for node j on network k is a relay socket
 * (127.77.k.(100+10i+j)) that forwards to j's real address (127.77.k.(10+j)), unless the link is
 * cut. Cutting links gives partitions without namespaces or firewall rules.
 */
final class UdpRelays implements AutoCloseable {
  private final int port;
  private final Set<String> cut = ConcurrentHashMap.newKeySet();
  private final List<DatagramSocket> sockets = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  UdpRelays(int nodes, int networks, int port) throws IOException {
    this.port = port;
    for (int k = 1; k <= networks; k++) {
      for (int i = 1; i <= nodes; i++) {
        for (int j = 1; j <= nodes; j++) {
          if (i != j) {
            relay(k, i, j);
          }
        }
      }
    }
  }

  static String real(int network, int node) {
    return "127.77." + network + "." + (10 + node);
  }

  static String relayAddress(int network, int from, int to) {
    return "127.77." + network + "." + (100 + 10 * from + to);
  }

  private void relay(int k, int i, int j) throws IOException {
    DatagramSocket s = new DatagramSocket(new InetSocketAddress(relayAddress(k, i, j), port));
    s.setSoTimeout(100);
    InetSocketAddress dest = new InetSocketAddress(InetAddress.getByName(real(k, j)), port);
    String link = k + ":" + i + ">" + j;
    Thread t = new Thread(() -> {
      byte[] buf = new byte[2048];
      while (!closed) {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
          s.receive(p);
          if (!cut.contains(link)) {
            s.send(new DatagramPacket(p.getData(), p.getLength(), dest));
          }
        } catch (SocketTimeoutException e) {
          // poll the closed flag
        } catch (IOException e) {
          if (closed) {
            return;
          }
        }
      }
    }, "relay-" + link);
    t.setDaemon(true);
    t.start();
    sockets.add(s);
    threads.add(t);
  }

  /** Cuts both directions between a and b on network k. */
  void cut(int k, int a, int b) {
    cut.add(k + ":" + a + ">" + b);
    cut.add(k + ":" + b + ">" + a);
  }

  void healAll() {
    cut.clear();
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    sockets.forEach(DatagramSocket::close);
    for (Thread t : threads) {
      t.join(1000);
    }
  }
}
