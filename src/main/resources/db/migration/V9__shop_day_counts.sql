-- Issue 13, window statistics by construction: per shop, per day, per metric, the count of the records the health
-- windows and screenings count, kept in the same transaction as the write that changes them
-- (cancellation.ShopDayCounts). A 7-, 30- or 90-day window is a sum over at most 91 days of one shop, whatever the
-- shop's size; the two partial days at a window's edges are corrected from the raw records.
-- day_no: whole days since 1970-01-01 UTC of the record's time (placed, submitted, complained, reviewed, inspected,
-- occurred). metric: 'orders', 'complaints', 'reviews', 'negative', 'failedInspections', 'incidents', or a
-- cancellation's class 'c|<A approved or P pending>|<reason>|<S seller or F force majeure>|<n no contact, c contact,
-- m compensated>'. slot: a count is spread over 8 rows written at random, so concurrent writes to one shop's day do
-- not queue on one row lock; readers sum them. A count may fall to 0 or below in one slot (a pending request decided).
create table shop_day_count (
    shop_id  varchar(32)  not null,
    day_no   integer      not null,
    metric   varchar(64)  not null,
    slot     smallint     not null default 0,
    n        bigint       not null,
    constraint shop_day_count_pk primary key (shop_id, day_no, metric, slot)
);

-- Whether the counts were built from the records already stored: an existing database gets them at its next start
-- (ShopDayCounts.buildOnce), a new one finds nothing to count.
create table shop_day_count_state (
    id        integer primary key,
    built_at  timestamp with time zone
);
insert into shop_day_count_state (id, built_at) values (1, null);

-- The edges and the late decisions are read by time for every shop at once (the ranked list, backtests).
create index cancellation_request_decided_idx on cancellation_request (decided_at);
create index complaint_time_idx on complaint (complained_at);
create index review_time_idx on review (reviewed_at);
create index logistics_event_time_idx on logistics_event (occurred_at);
create index quality_inspection_time_idx on quality_inspection (inspected_at);
