package org.masakari.monitor.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  private static final int N = DomainEvent.NONE;

  private static String filtered(int id, int type, int detail) {
    return EventFilter.filter(new DomainEvent(id, type, detail, "u", LocalDateTime.MIN))
        .map(f -> f.event() + "/" + f.virDomainEvent()).orElse("ignored");
  }

  @Test
  void upstreamLifecycleRows() {
    assertThat(filtered(0, 3, 2)).isEqualTo("LIFECYCLE/SUSPENDED_IOERROR");
    assertThat(filtered(0, 3, 3)).isEqualTo("LIFECYCLE/SUSPENDED_WATCHDOG");
    assertThat(filtered(0, 3, 6)).isEqualTo("LIFECYCLE/SUSPENDED_API_ERROR");
    assertThat(filtered(0, 5, 0)).isEqualTo("LIFECYCLE/STOPPED_SHUTDOWN");
    assertThat(filtered(0, 5, 1)).isEqualTo("LIFECYCLE/STOPPED_DESTROYED");
    assertThat(filtered(0, 5, 5)).isEqualTo("LIFECYCLE/STOPPED_FAILED");
    assertThat(filtered(0, 6, 0)).isEqualTo("LIFECYCLE/SHUTDOWN_FINISHED");
  }

  @Test
  void upstreamOtherEventRowsUseTheMinusOnePlaceholders() {
    assertThat(filtered(1, N, N)).isEqualTo("REBOOT/UNKNOWN");
    assertThat(filtered(3, 0, N)).isEqualTo("WATCHDOG/WATCHDOG_NONE");
    assertThat(filtered(3, 5, N)).isEqualTo("WATCHDOG/WATCHDOG_DEBUG");
    assertThat(filtered(4, 2, N)).isEqualTo("IO_ERROR/IO_ERROR_REPORT");
    assertThat(filtered(6, N, N)).isEqualTo("IO_ERROR_REASON/UNKNOWN");
    assertThat(filtered(7, N, N)).isEqualTo("CONTROL_ERROR/UNKNOWN");
  }

  @Test
  void guestPanicsAreOurAddition() {
    assertThat(filtered(0, 8, 0)).isEqualTo("LIFECYCLE/CRASHED_PANICKED");
    assertThat(filtered(0, 5, 2)).isEqualTo("LIFECYCLE/STOPPED_CRASHED");
  }

  @Test
  void whatUpstreamIgnores() {
    assertThat(filtered(0, 2, 0)).isEqualTo("ignored"); // started booted
    assertThat(filtered(0, 4, 0)).isEqualTo("ignored"); // resumed
    assertThat(filtered(0, 3, 0)).isEqualTo("ignored"); // suspended paused
    assertThat(filtered(0, 5, 3)).isEqualTo("ignored"); // stopped migrated
    assertThat(filtered(0, 5, 4)).isEqualTo("ignored"); // stopped saved
    assertThat(filtered(0, 6, 1)).isEqualTo("ignored"); // shutdown after guest request
    assertThat(filtered(0, 6, 2)).isEqualTo("ignored"); // shutdown after host request
    assertThat(filtered(3, 6, N)).isEqualTo("ignored"); // watchdog inject-nmi
    assertThat(filtered(2, N, N)).isEqualTo("ignored"); // rtc change
  }
}
