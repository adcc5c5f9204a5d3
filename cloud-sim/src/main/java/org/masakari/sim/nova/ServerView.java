package org.masakari.sim.nova;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.masakari.sim.cloud.Flavor;
import org.masakari.sim.cloud.ServerSnapshot;
import org.masakari.sim.web.Times;

/** Nova's server view builder (nova/api/openstack/compute/views/servers.py), per microversion. */
final class ServerView {
  private static final Set<String> WITH_PROGRESS = Set.of("ACTIVE", "BUILD", "REBUILD");

  private ServerView() {}

  static JsonObject summary(ServerSnapshot s, String base) {
    return new JsonObject().put("id", s.id()).put("links", links(base, "servers", s.id())).put("name", s.name());
  }

  static JsonObject detail(ServerSnapshot s, NovaRequest req, boolean show) {
    Microversion v = req.version();
    boolean admin = req.caller().admin();
    String base = req.baseUrl();
    JsonObject o = new JsonObject()
        .put("id", s.id())
        .put("name", s.name())
        .put("status", s.status())
        .put("tenant_id", s.projectId())
        .put("user_id", s.userId())
        .put("metadata", new JsonObject(new java.util.LinkedHashMap<>(s.metadata())))
        .put("hostId", hostId(s.projectId(), s.host()))
        .put("image", new JsonObject().put("id", s.imageRef()).put("links", new JsonArray()
            .add(new JsonObject().put("rel", "bookmark").put("href", base + "/images/" + s.imageRef()))))
        .put("flavor", flavor(s.flavor(), v, base))
        .put("created", Times.seconds(s.createdAt()))
        .put("updated", Times.seconds(s.updatedAt()))
        .put("addresses", new JsonObject())
        .put("accessIPv4", "")
        .put("accessIPv6", "")
        .put("links", links(base, "servers", s.id()))
        .put("OS-DCF:diskConfig", "MANUAL");
    if (WITH_PROGRESS.contains(s.status())) {
      o.put("progress", 0);
    }
    o.put("OS-EXT-AZ:availability_zone", s.host() == null ? "" : "nova")
        .put("config_drive", "")
        .put("key_name", s.keyName())
        .put("OS-SRV-USG:launched_at", Times.micros(s.launchedAt()))
        .put("OS-SRV-USG:terminated_at", (String) null);
    if (admin) {
      o.put("OS-EXT-SRV-ATTR:host", s.host())
          .put("OS-EXT-SRV-ATTR:instance_name", s.instanceName())
          .put("OS-EXT-SRV-ATTR:hypervisor_hostname", s.host());
      if (v.atLeast(3)) {
        o.put("OS-EXT-SRV-ATTR:reservation_id", s.reservationId())
            .put("OS-EXT-SRV-ATTR:launch_index", 0)
            .put("OS-EXT-SRV-ATTR:hostname", s.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-"))
            .put("OS-EXT-SRV-ATTR:kernel_id", "")
            .put("OS-EXT-SRV-ATTR:ramdisk_id", "")
            .put("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda")
            .put("OS-EXT-SRV-ATTR:user_data", (String) null);
      }
    }
    o.put("OS-EXT-STS:task_state", s.taskState() == null ? null : s.taskState().wire())
        .put("OS-EXT-STS:vm_state", s.vmState().wire())
        .put("OS-EXT-STS:power_state", s.powerState().code())
        .put("os-extended-volumes:volumes_attached", new JsonArray());
    if (v.atLeast(9)) {
      o.put("locked", s.locked());
    }
    if (v.atLeast(73)) {
      o.put("locked_reason", s.lockedReason());
    }
    if (v.atLeast(16) && admin) {
      o.put("host_status", s.hostStatus());
    }
    if (v.atLeast(19)) {
      o.put("description", s.description());
    }
    if (v.atLeast(26)) {
      o.put("tags", new JsonArray());
    }
    if (v.atLeast(63)) {
      o.put("trusted_image_certificates", (String) null);
    }
    if (v.atLeast(71) && show) {
      o.put("server_groups", new JsonArray());
    }
    if (s.faultMessage() != null && "ERROR".equals(s.status())) {
      o.put("fault", new JsonObject().put("code", 500).put("created", Times.seconds(s.faultAt()))
          .put("message", s.faultMessage()));
    }
    return o;
  }

  private static JsonObject flavor(Flavor f, Microversion v, String base) {
    if (!v.atLeast(47)) {
      return new JsonObject().put("id", f.id()).put("links", new JsonArray()
          .add(new JsonObject().put("rel", "bookmark").put("href", base + "/flavors/" + f.id())));
    }
    return new JsonObject().put("vcpus", f.vcpus()).put("ram", f.ramMb()).put("disk", f.diskGb())
        .put("ephemeral", 0).put("swap", 0).put("original_name", f.name()).put("extra_specs", new JsonObject());
  }

  static JsonArray links(String base, String collection, String id) {
    return new JsonArray()
        .add(new JsonObject().put("rel", "self").put("href", base + "/v2.1/" + collection + "/" + id))
        .add(new JsonObject().put("rel", "bookmark").put("href", base + "/" + collection + "/" + id));
  }

  /** sha224(project_id + host), as Nova derives hostId; empty when the server has no host. */
  static String hostId(String projectId, String host) {
    if (host == null) {
      return "";
    }
    // a 1000-server page would hash 1000 times; there are only projects x hosts distinct values
    return HOST_IDS.computeIfAbsent(projectId + host, ServerView::sha224);
  }

  private static final java.util.Map<String, String> HOST_IDS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String sha224(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-224");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-224 is required of every JDK", e);
    }
  }
}
