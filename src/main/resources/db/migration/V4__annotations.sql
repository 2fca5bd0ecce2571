-- GET /api/v1/analytics/annotations pages an organization's annotations newest first, by (created_at, id)
-- (docs/reference/conventions.md §6); the analytics answer reads them by date through annotation_org_date_idx (V1).
CREATE INDEX annotation_org_created_idx ON annotation (org_id, created_at DESC, id DESC);
