package org.masakari.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
  @Test
  void acceptsWhatOsloParseIsotimeAccepts() {
    LocalDateTime t = LocalDateTime.of(2026, 11, 21, 23, 41, 53);
    assertThat(IsoTime.parse("2026-11-21T23:41:53")).contains(t);
    assertThat(IsoTime.parse("2026-11-21 23:41:53Z")).contains(t);
    assertThat(IsoTime.parse("2026-11-22T01:41:53+02:00")).contains(t);
    assertThat(IsoTime.parse("2026-11-21T20:41:53-0300")).contains(t);
    assertThat(IsoTime.parse("20261121T234153Z")).contains(t);
    assertThat(IsoTime.parse("2026-11-21T23:41:53.123456789")).contains(t.withNano(123456000));
    assertThat(IsoTime.parse("2026-11-21")).contains(t.toLocalDate().atStartOfDay());
    assertThat(IsoTime.parse("yesterday")).isEmpty();
    assertThat(IsoTime.parse("2026-13-01T00:00:00")).isEmpty();
    assertThat(IsoTime.wire(t)).isEqualTo("2026-11-21T23:41:53.000000");
    assertThat(IsoTime.detail(t)).isEqualTo("2026-11-21 23:41:53.000000");
  }

  @Test
  void wireIsTheFormatterOutput() {
    java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    java.util.Random r = new java.util.Random(42);
    for (int i = 0; i < 2000; i++) {
      LocalDateTime t = LocalDateTime.of(r.nextInt(10000), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24),
          r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000_000));
      assertThat(IsoTime.wire(t)).isEqualTo(f.format(t));
    }
    assertThat(IsoTime.wire(LocalDateTime.of(12345, 1, 1, 0, 0))).isEqualTo(f.format(LocalDateTime.of(12345, 1, 1, 0, 0)));
    assertThat(IsoTime.wire(null)).isNull();
  }

  @Test
  void uuidLike() {
    assertThat(Uuids.canonical("{5ECAEE69-1DDE-46DD-81AF-FE1C646338FC}")).contains("5ecaee69-1dde-46dd-81af-fe1c646338fc");
    assertThat(Uuids.canonical("5ecaee691dde46dd81affe1c646338fc")).contains("5ecaee69-1dde-46dd-81af-fe1c646338fc");
    assertThat(Uuids.isUuidLike("not-a-uuid")).isFalse();
    assertThat(Uuids.isUuidLike("5ecaee69-1dde-46dd-81af-fe1c646338fg")).isFalse();
  }
}
