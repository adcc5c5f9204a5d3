package org.masakari.core.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;

/** A failover segment: a group of hosts that cover for each other. */
@Entity
@Table(name = "failover_segments")
public class Segment extends SoftDeletable {
  /** Column name → entity attribute, for sort keys (upstream accepts any column). */
  public static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("id", "id"), Map.entry("created_at", "createdAt"), Map.entry("updated_at", "updatedAt"),
      Map.entry("deleted_at", "deletedAt"), Map.entry("deleted", "deleted"), Map.entry("uuid", "uuid"),
      Map.entry("name", "name"), Map.entry("service_type", "serviceType"),
      Map.entry("description", "description"), Map.entry("recovery_method", "recoveryMethod"),
      Map.entry("enabled", "enabled"));

  @Column(name = "uuid", nullable = false, length = 36)
  private String uuid;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "service_type", nullable = false)
  private String serviceType;

  @Column(name = "description")
  private String description;

  @Column(name = "recovery_method", nullable = false)
  private String recoveryMethod;

  @Column(name = "enabled")
  private Boolean enabled = Boolean.TRUE;

  public String getUuid() {
    return uuid;
  }

  public void setUuid(String uuid) {
    this.uuid = uuid;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getServiceType() {
    return serviceType;
  }

  public void setServiceType(String serviceType) {
    this.serviceType = serviceType;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public RecoveryMethod getRecoveryMethod() {
    return RecoveryMethod.fromWire(recoveryMethod);
  }

  public String getRecoveryMethodWire() {
    return recoveryMethod;
  }

  public void setRecoveryMethod(RecoveryMethod recoveryMethod) {
    this.recoveryMethod = recoveryMethod.wire();
  }

  /** The stored values as they are (rows read without the ORM); a NULL {@code enabled} reads as enabled. */
  public void restoreStored(String recoveryMethodWire, Boolean enabledOrNull) {
    this.recoveryMethod = recoveryMethodWire;
    this.enabled = enabledOrNull;
  }

  public boolean isEnabled() {
    return enabled == null || enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
