package org.masakari.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task names of one flow by phase, as {@code [taskflow_driver_recovery_flows]} writes them in
 * oslo's {@code Dict(List(String(quotes)))} syntax: {@code pre:['a'],main:['b','c'],post:['d']}.
 */
public record FlowTasks(List<String> pre, List<String> main, List<String> post) {
  private static final Pattern PHASE = Pattern.compile("\\s*(pre|main|post)\\s*:\\s*\\[([^\\]]*)\\]\\s*,?");
  private static final Pattern ITEM = Pattern.compile("\\s*(['\"])([^'\"]*)\\1\\s*|\\s*([A-Za-z0-9_.\\-]+)\\s*");

  public FlowTasks {
    pre = List.copyOf(pre);
    main = List.copyOf(main);
    post = List.copyOf(post);
  }

  /** All task names in execution order. */
  public List<String> ordered() {
    List<String> all = new ArrayList<>(pre);
    all.addAll(main);
    all.addAll(post);
    return all;
  }

  /** @throws IllegalArgumentException with a message that says what is wrong */
  public static FlowTasks parse(String text) {
    List<String> pre = List.of();
    List<String> main = List.of();
    List<String> post = List.of();
    Matcher m = PHASE.matcher(text.strip());
    int end = 0;
    while (m.lookingAt()) {
      List<String> items = items(m.group(2));
      switch (m.group(1)) {
        case "pre" -> pre = items;
        case "main" -> main = items;
        default -> post = items;
      }
      end = m.end();
      m.region(end, m.regionEnd());
    }
    if (end != text.strip().length()) {
      throw new IllegalArgumentException("expected pre:['task',...],main:[...],post:[...], could not parse '"
          + text.strip().substring(end) + "'");
    }
    return new FlowTasks(pre, main, post);
  }

  private static List<String> items(String list) {
    List<String> out = new ArrayList<>();
    if (list.isBlank()) {
      return out;
    }
    for (String raw : list.split(",")) {
      Matcher m = ITEM.matcher(raw);
      if (!m.matches()) {
        throw new IllegalArgumentException("bad task name " + raw.strip());
      }
      out.add(m.group(2) != null ? m.group(2) : m.group(3));
    }
    return out;
  }
}
