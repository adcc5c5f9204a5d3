package org.masakari.api.http;

import io.vertx.core.buffer.Buffer;
import java.io.OutputStream;

/**
 * Jackson's generator writing straight into the Vert.x buffer that goes on the wire. A byte array in
 * between would be copied once more into a Netty buffer by {@code Buffer.buffer(byte[])}: for a
 * 1 000-row page that is half a megabyte of garbage and a copy per request.
 */
public final class BufferOutput extends OutputStream {
  private final Buffer buffer;

  public BufferOutput(int sizeHint) {
    this.buffer = Buffer.buffer(Math.max(64, sizeHint));
  }

  @Override
  public void write(int b) {
    buffer.appendByte((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    buffer.appendBytes(b, off, len);
  }

  public Buffer buffer() {
    return buffer;
  }
}
