package org.masakari.engine.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.masakari.client.config.IniFile;
import org.masakari.client.config.Section;
import org.masakari.core.config.NotificationsOptions;
import org.masakari.core.config.WebhookOptions;

/** Everything the engine reads from masakari.conf, validated once at start-up. */
public record EngineOptions(String host, TimingOptions timing, HostFailureOptions hostFailure,
    InstanceFailureOptions instanceFailure, ProcessFailureOptions processFailure, RecoveryFlowOptions flows,
    EngineOwnOptions engine, NotificationsOptions notifications, WebhookOptions webhooks, List<String> warnings) {

  public static EngineOptions from(IniFile ini) {
    Section d = ini.section("DEFAULT");
    String host = d.string("host", localHostName());
    Section hf = ini.section("host_failure");
    Section inf = ini.section("instance_failure");
    Section pf = ini.section("process_failure");
    Section fl = ini.section("taskflow_driver_recovery_flows");
    Section en = ini.section("engine");
    Section notif = ini.section("oslo_messaging_notifications");
    Section wh = ini.section("webhooks");
    EngineOptions o = new EngineOptions(host, TimingOptions.from(d), HostFailureOptions.from(hf),
        InstanceFailureOptions.from(inf), ProcessFailureOptions.from(pf), RecoveryFlowOptions.from(fl),
        EngineOwnOptions.from(en, host), NotificationsOptions.from(d, notif), WebhookOptions.from(wh), List.of());
    List<String> w = new ArrayList<>();
    for (Section s : List.of(hf, inf, pf, fl, en, wh)) {
      s.unknownOptions().forEach(e -> w.add((ini.file() == null ? "<env>" : ini.file() + ":" + e.line())
          + " [" + e.section() + "] unknown option " + e.option() + " (ignored)"));
    }
    return new EngineOptions(o.host, o.timing, o.hostFailure, o.instanceFailure, o.processFailure, o.flows,
        o.engine, o.notifications, o.webhooks, List.copyOf(w));
  }

  public static EngineOptions defaults() {
    return from(IniFile.empty());
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
