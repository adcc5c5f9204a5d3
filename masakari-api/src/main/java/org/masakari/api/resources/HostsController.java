package org.masakari.api.resources;

import java.util.Map;
import org.masakari.api.http.Controller;
import org.masakari.api.http.Reply;
import org.masakari.api.policy.Policy;
import org.masakari.api.validation.Schemas;
import org.masakari.core.service.HostService;

/** /segments/{segment_id}/hosts: policy os_masakari_api:os-hosts:*. */
public final class HostsController {
  private static final String P = "os_masakari_api:os-hosts:";

  private HostsController() {}

  public static Controller create(HostService service, Policy policy, Blocking blocking, int maxLimit) {
    return new Controller("hosts", Map.of(
        "index", r -> {
          policy.authorize(P + "index", r.context());
          var page = Listing.page(r, maxLimit);
          Boolean onMaintenance = Listing.bool(r, "on_maintenance");
          Boolean reserved = Listing.bool(r, "reserved");
          String type = r.param("type");
          String name = r.param("name");
          return blocking.run(() -> Reply.ok(Views.list("hosts",
              service.list(r.path("segment_id"), name, type, onMaintenance, reserved, page), Views::host)));
        },
        "show", r -> {
          policy.authorize(P + "detail", r.context());
          return blocking.run(() -> Reply.ok(Views.wrap("host", Views.host(service.get(r.path("segment_id"), r.path("id"))))));
        },
        "create", r -> {
          var body = r.json();
          RequestBodies.validate(Schemas.HOST_CREATE, body);
          policy.authorize(P + "create", r.context());
          var changes = RequestBodies.host(body);
          return blocking.run(() -> Reply.created(Views.wrap("host", Views.host(service.create(r.path("segment_id"), changes)))));
        },
        "update", r -> {
          var body = r.json();
          RequestBodies.validate(Schemas.HOST_UPDATE, body);
          policy.authorize(P + "update", r.context());
          var changes = RequestBodies.host(body);
          return blocking.run(() -> Reply.ok(Views.wrap("host",
              Views.host(service.update(r.path("segment_id"), r.path("id"), changes)))));
        },
        "delete", r -> {
          policy.authorize(P + "delete", r.context());
          return blocking.run(() -> {
            service.delete(r.path("segment_id"), r.path("id"));
            return Reply.noContent();
          });
        }));
  }
}
