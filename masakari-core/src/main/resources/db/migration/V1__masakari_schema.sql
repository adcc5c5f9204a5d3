-- The upstream Masakari tables (failover_segments, hosts, notifications, vmoves) with their unique
-- constraints and soft-delete columns (deleted = 0 live, = id when deleted), plus our outbox and the
-- per-host guard row that serialises notification creation. One script for MariaDB and H2 (MariaDB
-- mode). Every table has a primary key (Galera).

CREATE TABLE failover_segments (
  id INTEGER NOT NULL AUTO_INCREMENT,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  deleted_at DATETIME NULL,
  deleted INTEGER NULL,
  uuid VARCHAR(36) NOT NULL,
  name VARCHAR(255) NOT NULL,
  service_type VARCHAR(255) NOT NULL,
  description TEXT NULL,
  recovery_method ENUM('auto','reserved_host','auto_priority','rh_priority') NOT NULL,
  enabled BOOLEAN NULL DEFAULT TRUE,
  PRIMARY KEY (id),
  UNIQUE KEY uniq_segments0uuid (uuid),
  UNIQUE KEY uniq_segment0name0deleted (name, deleted),
  KEY segments_service_type_idx (service_type)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE hosts (
  id INTEGER NOT NULL AUTO_INCREMENT,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  deleted_at DATETIME NULL,
  deleted INTEGER NULL,
  uuid VARCHAR(36) NOT NULL,
  name VARCHAR(255) NOT NULL,
  reserved BOOLEAN NULL DEFAULT FALSE,
  type VARCHAR(255) NOT NULL,
  control_attributes TEXT NOT NULL,
  failover_segment_id VARCHAR(36) NOT NULL,
  on_maintenance BOOLEAN NULL DEFAULT FALSE,
  PRIMARY KEY (id),
  UNIQUE KEY uniq_host0uuid (uuid),
  UNIQUE KEY uniq_host0name0deleted (name, deleted),
  KEY hosts_type_idx (type),
  KEY hosts_segment_idx (failover_segment_id),
  CONSTRAINT fk_hosts_failover_segments_uuid FOREIGN KEY (failover_segment_id) REFERENCES failover_segments (uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE notifications (
  id INTEGER NOT NULL AUTO_INCREMENT,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  deleted_at DATETIME NULL,
  deleted INTEGER NULL,
  notification_uuid VARCHAR(36) NOT NULL,
  generated_time DATETIME(6) NOT NULL,
  source_host_uuid VARCHAR(36) NOT NULL,
  type VARCHAR(36) NOT NULL,
  payload TEXT NULL,
  status ENUM('new','running','error','failed','ignored','finished') NOT NULL,
  failover_segment_uuid VARCHAR(36) NULL,
  message TEXT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uniq_notification0uuid (notification_uuid),
  KEY notifications_source_host_idx (source_host_uuid, type, generated_time),
  KEY notifications_status_idx (status),
  KEY notifications_generated_time_idx (generated_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE vmoves (
  id INTEGER NOT NULL AUTO_INCREMENT,
  created_at DATETIME NULL,
  updated_at DATETIME NULL,
  deleted_at DATETIME NULL,
  deleted INTEGER NULL,
  uuid VARCHAR(36) NOT NULL,
  notification_uuid VARCHAR(36) NOT NULL,
  instance_uuid VARCHAR(36) NOT NULL,
  instance_name VARCHAR(255) NOT NULL,
  source_host VARCHAR(255) NULL,
  dest_host VARCHAR(255) NULL,
  start_time DATETIME(6) NULL,
  end_time DATETIME(6) NULL,
  type VARCHAR(36) NULL,
  status VARCHAR(255) NULL,
  message TEXT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uniq_vmove0uuid (uuid),
  KEY vmoves_notification_idx (notification_uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Transactional outbox: written in the same transaction as the notification, deleted once the work
-- queue confirmed the message. A periodic sweep republishes rows left behind.
CREATE TABLE notification_outbox (
  id BIGINT NOT NULL AUTO_INCREMENT,
  notification_uuid VARCHAR(36) NOT NULL,
  source_host_uuid VARCHAR(36) NOT NULL,
  type VARCHAR(36) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at DATETIME(6) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uniq_outbox0notification (notification_uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per host, written (not just locked) by every notification create: a row write conflicts both
-- on a single server (row lock) and across Galera nodes (certification), so the duplicate check and the
-- insert of two concurrent API replicas are serialised without table locks or a coordination service.
CREATE TABLE host_notification_guard (
  host_uuid VARCHAR(36) NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (host_uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
