-- Issue 13, a read is a read: how many times each shop's per-day counts have changed, raised by every write that
-- changes them, in its transaction (cancellation.ShopChanges). A reader that kept a shop's window facts knows with one
-- look-up whether they are still the shop's: the number it kept them at is the number now. Spread over 8 rows written
-- at random, as the counts are, so concurrent screenings of one shop do not queue on one row lock; readers sum them.
-- shop_id '*' (not a shop id: the import refuses it) is raised by a change of every shop at once (a full recount, an
-- import of many shops) and added to every shop's number.
create table shop_change (
    shop_id  varchar(32)  not null,
    slot     smallint     not null,
    n        bigint       not null,
    constraint shop_change_pk primary key (shop_id, slot)
);
