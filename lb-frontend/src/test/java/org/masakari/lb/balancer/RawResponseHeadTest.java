package org.masakari.lb.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What the response pass-through accepts, and the head it writes. */
class RawResponseHeadTest {
  private static final String NGINX = "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/plain\r\n"
      + "Content-Length: 4\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\nbe1\n";

  @Test
  void aPlainAnswerIsSimpleAndLosesItsHopByHopLines() {
    ByteBuf src = buf(NGINX);
    RawResponseHead h = RawResponseHead.scan(src);
    assertThat(h.status()).isEqualTo(200);
    assertThat(h.contentLength()).isEqualTo(4);
    assertThat(h.keepAlive()).isTrue();
    assertThat(h.headLength()).isEqualTo(NGINX.length() - 4);
    ByteBuf out = h.copy(ByteBufAllocator.DEFAULT, src, false, false, null, 4);
    assertThat(out.toString(StandardCharsets.US_ASCII))
        .isEqualTo("HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nbe1\n");
    assertThat(src.isReadable()).isFalse();
    out.release();
    src.release();
  }

  @Test
  void theProxysOwnLinesGoBeforeTheBlankLineAndTheBodyCanStayBehind() {
    ByteBuf src = buf("HTTP/1.1 404 Not Found\r\nconnection: Close\r\ncontent-length: 2\r\n\r\nno");
    RawResponseHead h = RawResponseHead.scan(src);
    assertThat(h.keepAlive()).isFalse();
    byte[] cookie = "Set-Cookie: SERVERID=a\r\n".getBytes(StandardCharsets.US_ASCII);
    ByteBuf out = h.copy(ByteBufAllocator.DEFAULT, src, true, false, cookie, 0);
    assertThat(out.toString(StandardCharsets.US_ASCII))
        .isEqualTo("HTTP/1.1 404 Not Found\r\ncontent-length: 2\r\nConnection: close\r\nSet-Cookie: SERVERID=a\r\n\r\n");
    assertThat(src.toString(StandardCharsets.US_ASCII)).isEqualTo("no");
    out.release();
    src.release();
  }

  @Test
  void anHttp10ClientIsToldTheConnectionStaysOpen() {
    ByteBuf src = buf("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    ByteBuf out = RawResponseHead.scan(src).copy(ByteBufAllocator.DEFAULT, src, false, true, null, 0);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n");
    out.release();
    src.release();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
      "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n",  // no length: read until close
      "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx",
      "HTTP/1.1 100 Continue\r\n\r\n",
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n",
      "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n",
      "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: keep-alive, X-Private\r\nX-Private: s\r\n\r\nx",
      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
      "HTTP/1.1 200 OK\r\nContent-Length: 1, 1\r\n\r\nx",
      "HTTP/1.1 200 OK\r\nContent-Length : 1\r\n\r\nx",
      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nX-Folded: a\r\n b\r\n\r\nx",
      "HTTP/1.1 200 OK\nContent-Length: 1\r\n\r\nx",
      "HTTP/1.1 200 OK\r\nContent-Length: 1\n\r\nx",
      "HTTP/1.1 2x0 OK\r\nContent-Length: 1\r\n\r\nx",
      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nx",
      "HTTP/1.1 200 OK\r\nContent-Length: 1234567890123456\r\n\r\nx",
      "HTTP/1.1 200 OK\r\nUpgrade: h2c\r\nContent-Length: 1\r\n\r\nx"})
  void anythingElseIsLeftToTheCodec(String answer) {
    ByteBuf src = buf(answer);
    assertThat(RawResponseHead.scan(src)).isSameAs(RawResponseHead.NOT_SIMPLE);
    assertThat(src.readerIndex()).isZero();
    src.release();
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/1.1 200 OK", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n", "HTTP/1.1 200 OK\r\nContent-Le"})
  void aHeadCutShortAsksForMore(String part) {
    ByteBuf src = buf(part);
    assertThat(RawResponseHead.scan(src)).isSameAs(RawResponseHead.INCOMPLETE);
    src.release();
  }

  @Test
  void scanningStartsAtTheReaderIndex() {
    ByteBuf src = buf("xxHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
    src.readerIndex(2);
    RawResponseHead h = RawResponseHead.scan(src);
    assertThat(h.contentLength()).isEqualTo(1);
    ByteBuf out = h.copy(ByteBufAllocator.DEFAULT, src, false, false, null, 1);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");
    out.release();
    src.release();
  }

  private static ByteBuf buf(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
  }
}
