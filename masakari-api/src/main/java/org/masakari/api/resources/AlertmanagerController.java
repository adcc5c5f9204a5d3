package org.masakari.api.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.masakari.api.http.Controller;
import org.masakari.api.http.Reply;
import org.masakari.api.policy.Policy;
import org.masakari.core.alerts.AlertOutcome;
import org.masakari.core.alerts.AlertmanagerReceiver;

/**
 * {@code POST /v1/webhooks/alertmanager} (ours): Alertmanager's webhook (version 4) in, notifications out
 * through the same rules as a POSTed one. Every alert gets an outcome in the 202 body; none is dropped
 * silently. Callers authenticated by the configured bearer secret skip the policy check.
 */
public final class AlertmanagerController {
  private AlertmanagerController() {}

  public static Controller create(AlertmanagerReceiver receiver, Policy policy, Blocking blocking) {
    if (receiver == null) {
      return new Controller("webhooks", Map.of());
    }
    return new Controller("webhooks", Map.of("alertmanager", r -> {
      var body = r.json();
      if (!r.context().isAlertmanagerBearer()) {
        policy.authorize("os_masakari_api:webhooks:alertmanager", r.context());
      }
      return blocking.run(() -> {
        ObjectNode out = Views.JSON.createObjectNode();
        ArrayNode alerts = out.putArray("alerts");
        for (AlertOutcome o : receiver.receive(body)) {
          ObjectNode a = alerts.addObject();
          a.put("alertname", o.alertName());
          a.put("result", o.result());
          a.put("notification_uuid", o.notificationUuid());
          a.put("status", o.status());
          a.put("detail", o.detail());
        }
        return Reply.accepted(out);
      });
    }));
  }
}
