package org.masakari.engine.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.masakari.engine.support.TestDb;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

class EngineSchedulerTest {
  static final class Counting implements Job {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public void execute(JobExecutionContext context) {
      runs.incrementAndGet();
    }
  }

  @Test
  void theJdbcJobStoreRunsOnH2AndTwoMembersShareOneSchedule() {
    try (TestDb db = TestDb.h2()) {
      Counting a = new Counting();
      Counting b = new Counting();
      try (EngineScheduler sa = new EngineScheduler(db.db().dataSource(), "node-a", true, Duration.ofSeconds(1),
               Map.of(Counting.class, a));
           EngineScheduler sb = new EngineScheduler(db.db().dataSource(), "node-b", true, Duration.ofSeconds(1),
               Map.of(Counting.class, b))) {
        sa.every(Counting.class, Duration.ofMillis(100), Duration.ZERO);
        sb.every(Counting.class, Duration.ofMillis(100), Duration.ZERO);
        sa.start();
        sb.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> a.runs.get() + b.runs.get() >= 5);
      }
      Integer triggers = db.db().tx().call(s -> ((Number) s.createNativeQuery(
          "SELECT COUNT(*) FROM QRTZ_TRIGGERS", Object.class).getSingleResult()).intValue());
      assertThat(triggers).isEqualTo(1);
    }
  }
}
