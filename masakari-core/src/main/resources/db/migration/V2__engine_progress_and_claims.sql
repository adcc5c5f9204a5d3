-- Engine state shared with the API. One script for MariaDB and H2 (MariaDB mode); every table has a
-- primary key (Galera).

-- recovery_workflow_details: one row per task per flow run of a notification. The API renders these
-- rows (microversion >= 1.1) without asking an engine, so the details survive engine restarts and are
-- the same whichever engine ran the flow. `details` is the JSON array of progress_details.
CREATE TABLE recovery_task_progress (
  id BIGINT NOT NULL AUTO_INCREMENT,
  notification_uuid VARCHAR(36) NOT NULL,
  run_no INTEGER NOT NULL,
  task_order INTEGER NOT NULL,
  task_name VARCHAR(255) NOT NULL,
  state VARCHAR(32) NOT NULL,
  progress DOUBLE NOT NULL DEFAULT 0,
  details MEDIUMTEXT NULL,
  updated_at DATETIME(6) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uniq_task_progress0run0task (notification_uuid, run_no, task_order),
  KEY task_progress_notification_idx (notification_uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The per-host claim. A notification moves new|error -> running in the same transaction that takes this
-- row (SELECT ... FOR UPDATE), so among any number of engines exactly one runs a notification and at most
-- one notification of a host runs at a time. The owner refreshes heartbeat_at; a row whose heartbeat is
-- older than [engine] claim_stale_after belongs to a dead engine and may be taken over.
CREATE TABLE engine_host_locks (
  host_uuid VARCHAR(36) NOT NULL,
  notification_uuid VARCHAR(36) NULL,
  engine_id VARCHAR(255) NULL,
  claimed_at DATETIME(6) NULL,
  heartbeat_at DATETIME(6) NULL,
  PRIMARY KEY (host_uuid),
  KEY engine_host_locks_notification_idx (notification_uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
