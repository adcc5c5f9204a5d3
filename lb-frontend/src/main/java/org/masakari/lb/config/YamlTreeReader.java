package org.masakari.lb.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads YAML into {@link ConfigNode}s that keep line numbers. Jackson's tree model drops locations,
 * so this walks the streaming parser instead.
 */
final class YamlTreeReader {
  private YamlTreeReader() {}

  static ConfigNode read(Path file) {
    try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ConfigException(file + ":1: file is empty");
      }
      return value(p, file);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static ConfigNode value(JsonParser p, Path file) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>();
        LinkedHashMap<String, Integer> keyLines = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          if (entries.containsKey(key)) {
            throw new ConfigException(file + ":" + keyLine + ": option '" + key + "' appears twice");
          }
          p.nextToken();
          entries.put(key, value(p, file));
          keyLines.put(key, keyLine);
        }
        return new ConfigNode.Mapping(entries, keyLines, line);
      }
      case START_ARRAY -> {
        List<ConfigNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(p, file));
        }
        return new ConfigNode.Sequence(items, line);
      }
      case VALUE_NULL -> {
        return new ConfigNode.Null(line);
      }
      default -> {
        return new ConfigNode.Scalar(p.getText(), line);
      }
    }
  }
}
