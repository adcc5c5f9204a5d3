package org.masakari.api.resources;

import java.util.Map;
import org.masakari.api.http.ApiRequest;
import org.masakari.api.http.Controller;
import org.masakari.api.http.Microversion;
import org.masakari.api.http.Reply;
import org.masakari.api.policy.Policy;
import org.masakari.api.validation.Schemas;
import org.masakari.core.domain.BoolParser;
import org.masakari.core.service.SegmentService;

/** /segments: policy os_masakari_api:segments:*. */
public final class SegmentsController {
  private static final String P = "os_masakari_api:segments:";

  private SegmentsController() {}

  public static Controller create(SegmentService service, Policy policy, Blocking blocking, int maxLimit) {
    return new Controller("segments", Map.of(
        "index", r -> {
          policy.authorize(P + "index", r.context());
          var page = Listing.page(r, maxLimit);
          String rm = r.param("recovery_method");
          String st = r.param("service_type");
          Boolean enabled = r.hasParam("enabled") ? BoolParser.filter("enabled", r.param("enabled")) : null;
          return blocking.run(() -> Reply.ok(ListBodies.segments(service.list(rm, st, enabled, page))));
        },
        "show", r -> {
          policy.authorize(P + "detail", r.context());
          return blocking.run(() -> Reply.ok(Views.wrap("segment", Views.segment(service.get(r.path("id"))))));
        },
        "create", r -> {
          var body = r.json();
          RequestBodies.validate(v12(r) ? Schemas.SEGMENT_CREATE_V12 : Schemas.SEGMENT_CREATE, body);
          policy.authorize(P + "create", r.context());
          var changes = RequestBodies.segment(body);
          return blocking.run(() -> Reply.created(Views.wrap("segment", Views.segment(service.create(changes)))));
        },
        "update", r -> {
          var body = r.json();
          RequestBodies.validate(v12(r) ? Schemas.SEGMENT_UPDATE_V12 : Schemas.SEGMENT_UPDATE, body);
          policy.authorize(P + "update", r.context());
          var changes = RequestBodies.segment(body);
          return blocking.run(() -> Reply.ok(Views.wrap("segment", Views.segment(service.update(r.path("id"), changes)))));
        },
        "delete", r -> {
          policy.authorize(P + "delete", r.context());
          return blocking.run(() -> {
            service.delete(r.path("id"));
            return Reply.noContent();
          });
        }));
  }

  private static boolean v12(ApiRequest r) {
    return r.version().atLeast(Microversion.V1_2);
  }
}
