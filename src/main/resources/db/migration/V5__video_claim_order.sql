-- The scrape cycle claims due videos grouped by creator (creator id, then id; videos without a
-- creator first), so that a batch touches few creators and its rollup maintenance rewrites few
-- creator rows (docs/decisions.md, "Stats rollups"). The claim's keyset walks this index.
CREATE INDEX video_claim_idx ON video ((coalesce(creator_id, '00000000-0000-0000-0000-000000000000'::uuid)), id);
