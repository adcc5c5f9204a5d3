package org.masakari.client.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class GeneratedTimeTest {

  @Test
  void writesMicrosecondsLikePythonIsoformat() {
    assertThat(GeneratedTime.format(LocalDateTime.of(2026, 8, 21, 10, 15, 30, 123_456_000)))
        .isEqualTo("2026-08-21T10:15:30.123456");
    assertThat(GeneratedTime.format(LocalDateTime.of(2026, 8, 21, 10, 15, 30, 1_000)))
        .isEqualTo("2026-08-21T10:15:30.000001");
  }

  @Test
  void omitsTheFractionWhenMicrosecondsAreZero() {
    assertThat(GeneratedTime.format(LocalDateTime.of(2026, 8, 21, 10, 15, 31)))
        .isEqualTo("2026-08-21T10:15:31");
  }

  @Test
  void nowIsUtcAndTruncatedToMicroseconds() {
    Clock paris = Clock.fixed(Instant.parse("2026-08-21T10:15:30.123456789Z"), ZoneId.of("Europe/Paris"));
    assertThat(GeneratedTime.format(GeneratedTime.now(paris))).isEqualTo("2026-08-21T10:15:30.123456");
  }
}
