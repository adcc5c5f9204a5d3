package org.masakari.api.resources;

import io.vertx.core.Future;
import java.util.Map;
import org.masakari.api.http.Controller;
import org.masakari.api.http.Reply;
import org.masakari.core.fault.Fault;

/** GET /v1, /v1/ and /v1/versions/v1.0 (any authenticated caller; no policy rule). */
public final class VersionsController {
  private VersionsController() {}

  public static Controller create(VersionDocuments docs) {
    return new Controller("versions", Map.of("show", r -> {
      String id = r.path("id");
      if (id != null && !id.equals("v1.0")) {
        return Future.failedFuture(Fault.notFound("The resource could not be found."));
      }
      return Future.succeededFuture(Reply.ok(docs.v1(r.baseUrl())));
    }));
  }
}
