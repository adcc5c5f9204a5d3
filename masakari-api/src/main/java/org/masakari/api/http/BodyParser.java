package org.masakari.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.masakari.core.fault.Fault;

/** Request bodies: strict UTF-8 JSON, one document, or 400 "Malformed request body". */
final class BodyParser {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private BodyParser() {}

  static JsonNode parse(Buffer body) {
    if (body == null || body.length() == 0) {
      return NullNode.instance;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body.getBytes())).toString();
    } catch (CharacterCodingException e) {
      throw Fault.badRequest("Malformed request body");
    }
    if (text.isBlank()) {
      return NullNode.instance;
    }
    try {
      JsonNode n = JSON.readTree(text);
      return n == null ? NullNode.instance : n;
    } catch (Exception e) {
      throw Fault.badRequest("Malformed request body");
    }
  }

  static {
    JSON.getFactory().disable(JsonParser.Feature.ALLOW_COMMENTS);
  }
}
