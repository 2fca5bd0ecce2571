-- Stats support.
-- stats_version: bumped whenever snapshots of the organization are written or something changes
-- what its stats count; cached stats bodies and materialized cohort curves are valid for one version.
ALTER TABLE organization ADD COLUMN stats_version bigint NOT NULL DEFAULT 0;

-- The organization-wide cohort curve (stats-and-metrics.md §4, org_avg) for one time zone and one
-- stats_version: per day number since posting, the sum and the number of non-null views_gained
-- over all counted videos. A request subtracts its own video's contribution ("other" videos) and
-- divides, instead of scanning every snapshot of the organization.
CREATE TABLE cohort_curve (
    org_id        uuid        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    tz            varchar(64) NOT NULL,
    stats_version bigint      NOT NULL,
    day_number    integer     NOT NULL,
    gain_sum      bigint      NOT NULL,
    sample_size   integer     NOT NULL,
    PRIMARY KEY (org_id, tz, stats_version, day_number)
);

-- Counted videos of an organization / of a creator (stats pools and campaign coverage).
CREATE INDEX video_org_counted_idx ON video (org_id) INCLUDE (creator_id, posted_at)
    WHERE deleted_at IS NULL AND tracking_status IN ('auto_tracked', 'included', 'direct_add');
CREATE INDEX video_creator_idx ON video (creator_id) WHERE deleted_at IS NULL;
