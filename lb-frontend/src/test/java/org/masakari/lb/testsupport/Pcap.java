package org.masakari.lb.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Minimal libpcap reader (Ethernet link type) for the captures in ../shared/vrrp-captures. */
public final class Pcap {
  public static final Path CAPTURES = Path.of(System.getProperty("vrrp.captures", "../../shared/vrrp-captures"));

  /** One frame: its Ethernet type and everything after the 14-byte Ethernet header. */
  public record Frame(int etherType, byte[] ethernet, byte[] payload) {}

  private Pcap() {}

  public static List<Frame> read(String name) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(CAPTURES.resolve(name)));
    int magic = buf.getInt(0);
    buf.order(magic == 0xa1b2c3d4 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    buf.position(24);
    List<Frame> frames = new ArrayList<>();
    while (buf.remaining() >= 16) {
      buf.getInt();
      buf.getInt();
      int captured = buf.getInt();
      buf.getInt();
      byte[] frame = new byte[captured];
      buf.get(frame);
      int etherType = ((frame[12] & 0xff) << 8) | (frame[13] & 0xff);
      frames.add(new Frame(etherType, frame, Arrays.copyOfRange(frame, 14, frame.length)));
    }
    return frames;
  }

  public static List<byte[]> vrrpPackets(String name) throws IOException {
    return read(name).stream().filter(f -> f.etherType() == 0x0800 && (f.payload()[9] & 0xff) == 112)
        .map(Frame::payload).toList();
  }
}
