package org.masakari.monitor.process;

import java.nio.file.Path;
import java.time.Duration;
import org.masakari.client.config.IniFile;
import org.masakari.client.config.Section;
import org.masakari.client.notifier.RetryPolicy;

/**
 * {@code [process]} of masakarimonitors.conf, upstream names and defaults. Intervals accept
 * fractions of a second (upstream: integers only), which tests use.
 */
record ProcessOptions(
    Duration checkInterval,
    int restartRetries,
    Duration restartInterval,
    RetryPolicy apiRetry,
    Path processListPath,
    Duration commandTimeout) {

  static final String SECTION = "process";
  static final double DEFAULT_CHECK_INTERVAL_S = 5;
  static final int DEFAULT_RESTART_RETRIES = 3;
  static final double DEFAULT_RESTART_INTERVAL_S = 5;
  static final Path DEFAULT_PROCESS_LIST = Path.of("/etc/masakarimonitors/process_list.yaml");

  static ProcessOptions from(IniFile ini) {
    return from(ini.section(SECTION));
  }

  static ProcessOptions from(Section s) {
    Duration check = s.fractionalSeconds("check_interval", DEFAULT_CHECK_INTERVAL_S, 0.01);
    int retries = s.integer("restart_retries", DEFAULT_RESTART_RETRIES, 0, 1000);
    Duration restartInterval = s.fractionalSeconds("restart_interval", DEFAULT_RESTART_INTERVAL_S, 0.01);
    int apiRetryMax = s.integer("api_retry_max", RetryPolicy.DEFAULT_RETRY_MAX, 0, 10_000);
    Duration apiRetryInterval = s.fractionalSeconds("api_retry_interval",
        RetryPolicy.DEFAULT_RETRY_INTERVAL.toSeconds(), 0);
    Path list = Path.of(s.string("process_list_path", DEFAULT_PROCESS_LIST.toString()));
    Duration cmdTimeout = s.fractionalSeconds("command_timeout",
        CommandRunner.DEFAULT_TIMEOUT.toSeconds(), 0.1);
    return new ProcessOptions(check, retries, restartInterval,
        new RetryPolicy(apiRetryMax, apiRetryInterval), list, cmdTimeout);
  }
}
