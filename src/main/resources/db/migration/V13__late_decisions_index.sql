-- Issue 13: a window read as of a date counts the requests decided after it as pending. They are found by the time
-- of their decision within one shop (ShopDayCountReader), so a read now, when none are, costs one index probe
-- whatever the shop's size or the state of the planner's statistics.
create index cancellation_request_shop_decided_idx on cancellation_request (shop_id, decided_at);
