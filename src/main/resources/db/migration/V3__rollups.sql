-- Daily stats rollups (docs/decisions.md, "Stats rollups"), maintained in the transactions that
-- write snapshots or change what is counted. Every rollup row belongs to a rollup zone: the days of
-- one organization in one time zone. A zone is built ('building') by the rollup job from the
-- snapshots, then serves stats ('ready'); a time-zone change or a rebuild builds a new zone and
-- drops the old one when the new one is ready. Days are dates in the zone.
CREATE TABLE rollup_zone (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id     uuid        NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    tz         varchar(64) NOT NULL,
    state      varchar(16) NOT NULL CHECK (state IN ('building', 'ready')),
    created_at timestamptz NOT NULL DEFAULT now(),
    ready_at   timestamptz
);
CREATE INDEX rollup_zone_org_idx ON rollup_zone (org_id, tz);
-- at most one zone being built per organization and time zone (the rebuild request is idempotent)
CREATE UNIQUE INDEX rollup_zone_building_uq ON rollup_zone (org_id, tz) WHERE state = 'building';

-- What the rollups of a zone hold for a video: counted or not, creator, posting day, first day with
-- a snapshot and whether that day's first snapshot is a zero baseline (the velocity start). A video
-- of the zone's organization without a row here is not built yet.
CREATE TABLE video_rollup (
    zone_id    bigint  NOT NULL REFERENCES rollup_zone (id) ON DELETE CASCADE,
    video_id   uuid    NOT NULL REFERENCES video (id) ON DELETE CASCADE,
    creator_id uuid,
    counted    boolean NOT NULL,
    day0       date,
    first_day  date,
    first_zero boolean NOT NULL,
    PRIMARY KEY (zone_id, video_id)
);
CREATE INDEX video_rollup_creator_idx ON video_rollup (zone_id, creator_id) INCLUDE (first_day) WHERE counted;

-- One row per video and day with a snapshot: the day value and the attributed gain (null = none).
CREATE TABLE video_day (
    zone_id  bigint NOT NULL REFERENCES rollup_zone (id) ON DELETE CASCADE,
    video_id uuid   NOT NULL,
    day      date   NOT NULL,
    views    bigint NOT NULL,
    likes    bigint NOT NULL,
    comments bigint NOT NULL,
    shares   bigint NOT NULL,
    saves    bigint NOT NULL,
    g_views    bigint,
    g_likes    bigint,
    g_comments bigint,
    g_shares   bigint,
    g_saves    bigint,
    PRIMARY KEY (zone_id, video_id, day)
);

-- A creator built in a zone (its own snapshots are in creator_day).
CREATE TABLE creator_rollup (
    zone_id    bigint NOT NULL REFERENCES rollup_zone (id) ON DELETE CASCADE,
    creator_id uuid   NOT NULL REFERENCES creator (id) ON DELETE CASCADE,
    PRIMARY KEY (zone_id, creator_id)
);

-- One row per creator and day on which anything of it changed: the carried totals C and summed gains
-- G of its counted videos (with the number of videos that gained), and its own carried counters and
-- gain. Days between rows carry the previous row.
CREATE TABLE creator_day (
    zone_id      bigint  NOT NULL REFERENCES rollup_zone (id) ON DELETE CASCADE,
    creator_id   uuid    NOT NULL,
    day          date    NOT NULL,
    views        bigint  NOT NULL,
    likes        bigint  NOT NULL,
    comments     bigint  NOT NULL,
    shares       bigint  NOT NULL,
    saves        bigint  NOT NULL,
    g_views      bigint  NOT NULL,
    g_likes      bigint  NOT NULL,
    g_comments   bigint  NOT NULL,
    g_shares     bigint  NOT NULL,
    g_saves      bigint  NOT NULL,
    g_count      integer NOT NULL,
    followers    bigint,
    following    bigint,
    likes_count  bigint,
    video_count  bigint,
    own_snapshot boolean NOT NULL,
    og_followers bigint,
    og_following bigint,
    og_likes     bigint,
    og_videos    bigint,
    PRIMARY KEY (zone_id, creator_id, day)
);

-- Velocity sums per day number of a creator's or an organization's counted videos: the sum and the
-- number of non-null views_gained (the cohort pools of docs/reference/stats-and-metrics.md §4).
CREATE TABLE velocity_sum (
    zone_id     bigint  NOT NULL REFERENCES rollup_zone (id) ON DELETE CASCADE,
    owner_id    uuid    NOT NULL,
    day_number  integer NOT NULL,
    gain_sum    bigint  NOT NULL,
    sample_size integer NOT NULL,
    PRIMARY KEY (zone_id, owner_id, day_number)
);

-- Baselines of a range are read from the snapshots through these.
CREATE INDEX video_snapshot_baseline_idx ON video_snapshot (video_id, captured_at) WHERE is_baseline;
CREATE INDEX creator_snapshot_baseline_idx ON creator_snapshot (creator_id, captured_at) WHERE is_baseline;

-- Every existing organization gets its zone built by the rollup job.
INSERT INTO rollup_zone (org_id, tz, state) SELECT id, timezone, 'building' FROM organization;
