package org.masakari.api.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.masakari.api.http.Action;
import org.masakari.core.actions.NotificationAction;
import org.masakari.core.actions.NotificationActions;
import org.masakari.api.http.Controller;
import org.masakari.api.http.Microversion;
import org.masakari.api.http.Reply;
import org.masakari.api.policy.Policy;
import org.masakari.api.validation.Schemas;
import org.masakari.core.domain.IsoTime;
import org.masakari.core.fault.Fault;
import org.masakari.core.service.NotificationService;
import org.masakari.core.service.WorkflowDetailsSource;

/** /notifications: policy os_masakari_api:notifications:*. No update or delete (405). */
public final class NotificationsController {
  private static final String P = "os_masakari_api:notifications:";

  private NotificationsController() {}

  public static Controller create(NotificationService service, WorkflowDetailsSource details,
      NotificationActions actions, Policy policy, Blocking blocking, int maxLimit) {
    Map<String, Action> all = new HashMap<>(Map.of(
        "index", r -> {
          policy.authorize(P + "index", r.context());
          var page = Listing.page(r, maxLimit);
          LocalDateTime since = null;
          if (r.hasParam("generated-since")) {
            since = IsoTime.parse(r.param("generated-since"))
                .orElseThrow(() -> Fault.badRequest("Invalid generated-since value"));
          }
          LocalDateTime s = since;
          String status = r.param("status");
          String host = r.param("source_host_uuid");
          String type = r.param("type");
          return blocking.run(() -> Reply.ok(ListBodies.notifications(service.list(status, host, type, s, page))));
        },
        "show", r -> {
          policy.authorize(P + "detail", r.context());
          boolean withDetails = r.version().atLeast(Microversion.V1_1);
          return blocking.run(() -> {
            var n = service.get(r.path("id"));
            ObjectNode view = Views.notification(n);
            if (withDetails) {
              ArrayNode a = view.putArray("recovery_workflow_details");
              details.details(n.getNotificationUuid()).forEach(a::add);
            }
            return Reply.ok(Views.wrap("notification", view));
          });
        },
        "create", r -> {
          var body = r.json();
          RequestBodies.validate(Schemas.NOTIFICATION_CREATE, body);
          var created = RequestBodies.notification(body);
          policy.authorize(P + "create", r.context());
          return blocking.run(() -> Reply.accepted(Views.wrap("notification", Views.notification(service.create(created)))));
        }));
    if (actions != null) {
      all.put("action", r -> {
        if (!r.version().atLeast(Microversion.V1_4)) {
          // before 1.4 the route exists but has no action, exactly as upstream
          throw new Fault(405, "The request method: 'POST' with action: 'action' is not allowed on this resource");
        }
        var body = r.json();
        RequestBodies.validate(Schemas.NOTIFICATION_ACTION, body);
        policy.authorize(P + "action", r.context());
        NotificationAction action = NotificationAction.fromWire(body.fieldNames().next());
        return blocking.run(() -> Reply.ok(Views.wrap("notification",
            Views.notification(actions.apply(r.path("id"), action)))));
      });
    }
    return new Controller("notifications", Map.copyOf(all));
  }
}
