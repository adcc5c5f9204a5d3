package org.masakari.core.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SortSpecTest {
  @Test
  void upstreamDefaultsAndTieBreakers() {
    assertThat(SortSpec.defaults()).isEqualTo(new SortSpec(List.of("created_at", "id"), List.of("desc", "desc")));
    SortSpec s = SortSpec.parse(List.of("name", " type "), List.of("asc"));
    assertThat(s.keys()).containsExactly("name", "type", "created_at", "id");
    assertThat(s.dirs()).containsExactly("asc", "asc", "asc", "asc");
    assertThatThrownBy(() -> SortSpec.parse(List.of("name"), List.of("asc", "desc")))
        .hasMessage("Invalid input received: Sort direction size exceeds sort key size");
    assertThatThrownBy(() -> SortSpec.parse(List.of("name"), List.of("up")))
        .hasMessage("Invalid input received: Unknown sort direction, must be 'asc' or 'desc'");
    assertThat(PagedQuery.parseId(" 12 ")).isEqualTo(12);
    assertThat(PagedQuery.parseId("2aaaaaaa-aaaa")).isNull();
    assertThat(PagedQuery.parseId("99999999999")).isNull();
  }
}
