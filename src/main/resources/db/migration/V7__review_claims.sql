-- Issue 14: a reviewer may claim a pending request so that two reviewers do not work on the same one; the claim
-- lapses by itself (shophealth.review.claim, 15 minutes by default) so a request is never stuck with someone gone.
alter table cancellation_request add column claimed_by varchar(100);
alter table cancellation_request add column claimed_until timestamp with time zone;
