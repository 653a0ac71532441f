-- Issue 13: the length of the reviewers' queue, kept by the writes that change it (cancellation.ShopDayCounts), so a
-- request just screened for review learns its place without counting every pending request. Spread over 16 rows
-- written at random, as the per-day counts are: every screening of every shop that ends in review adds to it.
-- Readers sum the rows; a row may fall to 0 or below (a request decided).
create table review_queue_count (
    slot  smallint  not null primary key,
    n     bigint    not null
);
insert into review_queue_count (slot, n) select 0, count(*) from cancellation_request where status = 'PENDING_REVIEW';
