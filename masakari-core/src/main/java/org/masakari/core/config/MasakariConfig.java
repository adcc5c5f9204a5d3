package org.masakari.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.masakari.client.config.IniFile;
import org.masakari.client.config.Section;

/**
 * masakari.conf, read once. Upstream section and option names; environment variables
 * {@code MASAKARI__SECTION__OPTION} override the file. Invalid values throw
 * {@link org.masakari.client.config.ConfigException} naming file, line, section and option; unknown
 * options are collected in {@link #warnings()} for the caller to log.
 */
public final class MasakariConfig {
  /** Sections other components read (engine, upstream middleware); their options are not ours to judge. */
  private static final Set<String> FOREIGN_SECTIONS = Set.of("taskflow", "host_failure", "instance_failure",
      "process_failure", "taskflow_driver_recovery_flows", "coordination", "cors", "wsgi", "oslo_concurrency",
      "oslo_messaging_notifications", "healthcheck", "ssl", "osapi_v1", "oslo_messaging_amqp",
      "oslo_messaging_kafka", "oslo_reports", "profiler", "oslo_versionedobjects", "oslo_upgradecheck",
      "keystone", "nova", "engine", "fencing", "events", "webhooks", "metrics", "alertmanager", "api");

  /** [DEFAULT] options read by other components or accepted for compatibility without effect here. */
  private static final String[] ACCEPTED_DEFAULTS = {
      "debug", "verbose", "log_file", "log_dir", "log_config_append", "use_stderr", "use_syslog", "use_journal",
      "use_json", "syslog_log_facility", "logging_context_format_string", "logging_default_format_string",
      "default_log_levels", "publish_errors", "instance_format", "instance_uuid_format", "log_date_format",
      "watch_log_file", "host", "state_path", "pybasedir", "bindir", "tempdir", "monkey_patch",
      "monkey_patch_modules", "fatal_exception_format_errors", "masakari_topic", "notification_driver",
      "engine_manager", "periodic_enable", "periodic_interval_max", "periodic_fuzzy_delay", "report_interval",
      "service_down_time", "use_ssl", "use_forwarded_for", "notification_delay_max", "control_exchange",
      "rpc_response_timeout", "executor_thread_pool_size", "wait_period_after_service_update",
      "wait_period_after_evacuation", "verify_interval", "wait_period_after_power_off",
      "wait_period_after_power_on", "process_unfinished_notifications_interval",
      "retry_notification_new_status_interval", "check_expired_notifications_interval",
      "notifications_expired_interval", "host_failure_recovery_threads", "api_paste_config",
      "graceful_shutdown_timeout", "rpc_conn_pool_size", "conn_pool_min_size", "conn_pool_ttl",
      "rpc_ping_enabled", "my_ip", "run_external_periodic_tasks", "backdoor_port", "backdoor_socket",
      "log_options", "rate_limit_interval", "rate_limit_burst", "rate_limit_except_level", "fatal_deprecations",
      "osapi_compute_link_prefix"};

  private final IniFile ini;
  private final ApiOptions api;
  private final DatabaseOptions database;
  private final MessagingOptions messaging;
  private final NotificationsOptions notifications;
  private final String host;
  private final NovaOptions nova;
  private final KeystoneAuthOptions keystone;
  private final Path policyFile;
  private final List<String> warnings;

  private MasakariConfig(IniFile ini) {
    this.ini = ini;
    Section d = ini.section("DEFAULT");
    Section mw = ini.section("oslo_middleware");
    Section ours = ini.section("masakari_java");
    this.api = ApiOptions.from(d, mw, ours);
    Section dbSection = ini.section("database");
    this.database = DatabaseOptions.from(dbSection);
    Section rabbit = ini.section("oslo_messaging_rabbit");
    this.messaging = MessagingOptions.from(d, rabbit, ours);
    Section notif = ini.section("oslo_messaging_notifications");
    this.notifications = NotificationsOptions.from(d, notif);
    this.host = d.string("host", defaultHost());
    this.nova = NovaOptions.from(d);
    Section ks = ini.section("keystone_authtoken");
    this.keystone = KeystoneAuthOptions.from(ks);
    if (api.authStrategy().equals(ApiOptions.KEYSTONE)) {
      keystone.requireServiceUser(ks);
    }
    Section policy = ini.section("oslo_policy");
    String pf = policy.string("policy_file", "policy.yaml");
    policy.accept("enforce_scope", "enforce_new_defaults", "policy_default_rule", "policy_dirs", "remote_content_type",
        "remote_ssl_verify_server_crt", "remote_ssl_ca_crt_file", "remote_ssl_client_crt_file",
        "remote_ssl_client_key_file", "remote_timeout");
    Path base = ini.file() == null ? Path.of(".") : ini.file().toAbsolutePath().getParent();
    this.policyFile = base.resolve(pf);
    mw.accept("secure_proxy_ssl_header", "http_basic_auth_user_file");
    d.accept(ACCEPTED_DEFAULTS);
    List<String> w = new ArrayList<>();
    for (Section s : List.of(d, mw, ours, dbSection, rabbit, notif, ks, policy)) {
      s.unknownOptions().forEach(e -> w.add(where(e) + " unknown option " + e.option() + " (ignored)"));
    }
    for (String name : ini.sections()) {
      if (!Set.of("DEFAULT", "oslo_middleware", "masakari_java", "database", "oslo_messaging_rabbit",
          "keystone_authtoken", "oslo_policy").contains(name) && !FOREIGN_SECTIONS.contains(name)) {
        w.add((ini.file() == null ? "" : ini.file() + ": ") + "unknown section [" + name + "] (ignored)");
      }
    }
    this.warnings = List.copyOf(w);
  }

  private String where(IniFile.Entry e) {
    return (ini.file() == null ? "<env>" : ini.file().toString()) + (e.line() > 0 ? ":" + e.line() : "")
        + " [" + e.section() + "]";
  }

  public static MasakariConfig load(Path file) {
    return of(IniFile.load(file));
  }

  public static MasakariConfig of(IniFile ini) {
    return new MasakariConfig(ini.withEnvironment("MASAKARI", System.getenv()));
  }

  /** For tests and the all-in-one mode: the given INI lines, no file. */
  public static MasakariConfig ofLines(List<String> lines) {
    return new MasakariConfig(IniFile.parse(null, lines));
  }

  public IniFile ini() {
    return ini;
  }

  public ApiOptions api() {
    return api;
  }

  public DatabaseOptions database() {
    return database;
  }

  /** {@code [oslo_messaging_notifications]}: the API's versioned notifications (contract §6). */
  public NotificationsOptions notifications() {
    return notifications;
  }

  /** {@code [DEFAULT] host}: this node's name in events ({@code publisher_id}); default the machine's name. */
  public String host() {
    return host;
  }

  private static String defaultHost() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  public MessagingOptions messaging() {
    return messaging;
  }

  public NovaOptions nova() {
    return nova;
  }

  public KeystoneAuthOptions keystone() {
    return keystone;
  }

  public Path policyFile() {
    return policyFile;
  }

  public List<String> warnings() {
    return warnings;
  }

  static Map<String, String> env() {
    return System.getenv();
  }
}
