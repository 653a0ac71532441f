-- Issue 12: a cancellation backed by a regional disruption (a storm closing roads) is force majeure, not the
-- seller's fault. The screening decides it (the finding REGION_DISRUPTION_CONFIRMED) and the request keeps it, so
-- shop health counts such cancellations apart from the seller-fault rate. Earlier requests count as seller fault.
alter table cancellation_request add column force_majeure boolean default false not null;
