-- The default list order (created_at desc, id desc over live rows): GET /v1/notifications reads its page
-- backwards along this index and stops at the limit instead of sorting the whole table per request.
CREATE INDEX notifications_list_order_idx ON notifications (deleted, created_at, id);
