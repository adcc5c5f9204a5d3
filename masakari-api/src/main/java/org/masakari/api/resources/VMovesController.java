package org.masakari.api.resources;

import java.util.Map;
import org.masakari.api.http.Controller;
import org.masakari.api.http.Reply;
import org.masakari.api.policy.Policy;
import org.masakari.core.service.NotificationService;

/** /notifications/{notification_id}/vmoves: policy os_masakari_api:vmoves:*; not version-gated. */
public final class VMovesController {
  private static final String P = "os_masakari_api:vmoves:";

  private VMovesController() {}

  public static Controller create(NotificationService service, Policy policy, Blocking blocking, int maxLimit) {
    return new Controller("vmoves", Map.of(
        "index", r -> {
          policy.authorize(P + "index", r.context());
          var page = Listing.page(r, maxLimit);
          String status = r.param("status");
          String type = r.param("type");
          return blocking.run(() -> Reply.ok(Views.list("vmoves",
              service.listVMoves(r.path("notification_id"), status, type, page), Views::vmove)));
        },
        "show", r -> {
          policy.authorize(P + "detail", r.context());
          return blocking.run(() -> Reply.ok(Views.wrap("vmove",
              Views.vmove(service.getVMove(r.path("notification_id"), r.path("id"))))));
        }));
  }
}
