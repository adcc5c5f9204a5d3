package org.masakari.lb.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A byte-level HTTP back end: on every connection, each request head read (requests without a
 * body) gets the next scripted answer, written piece by piece with a pause between pieces so that
 * the balancer reads them separately. Keeps the request heads it read.
 */
public final class ScriptedBackend implements AutoCloseable {
  private static final long PIECE_PAUSE_MILLIS = 50;
  private final ServerSocket socket;
  private final List<List<String>> answers;
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private int next;

  /** {@code answers}: per request, the pieces of its answer (ASCII). */
  public ScriptedBackend(List<List<String>> answers) throws Exception {
    this.answers = answers;
    this.socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::serve, "scripted-backend");
    t.setDaemon(true);
    t.start();
  }

  public String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  public List<String> heads() {
    return heads;
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        s.setSoTimeout(10000);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        String head;
        while ((head = readHead(in)).endsWith("\r\n\r\n")) {
          heads.add(head);
          List<String> pieces = nextAnswer();
          for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
              Thread.sleep(PIECE_PAUSE_MILLIS);
            }
            out.write(pieces.get(i).getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
        }
      } catch (Exception e) {
        // closed, or a test that is done with it; the client side asserts
      }
    }
  }

  private synchronized List<String> nextAnswer() {
    return answers.get(Math.min(next++, answers.size() - 1));
  }

  /**
   * A message head up to and including the blank line; at the end of the stream, whatever came before it
   * (so a test's assertion shows a truncated head, and a complete head always ends with the blank line).
   */
  public static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      String h = head.toString(StandardCharsets.US_ASCII);
      if (h.endsWith("\r\n\r\n")) {
        return h;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws Exception {
    socket.close();
  }
}
