-- Money moves once: at most one approved cancellation and one refund per order, held by the database.
--
-- open_order_no held the order number only while a request waited for review, so two requests approved at the
-- same time (by the rules, or by the rules and a reviewer) could both cancel and refund the order. It becomes
-- claimed_order_no: the order number while the request is waiting for review OR approved (released only when a
-- reviewer rejects it), under the same unique constraint. H2 has no partial indexes; a nullable column under a
-- plain unique constraint works alike on H2 and PostgreSQL (both allow many NULLs).
alter table cancellation_request rename column open_order_no to claimed_order_no;
alter table cancellation_request rename constraint cancellation_request_open_uk to cancellation_request_claim_uk;

-- Requests approved before this migration claim their order too: the earliest approved one per order, unless a
-- request waiting for review holds it already (such orders were cancelled twice over; they stay as they are).
update cancellation_request set claimed_order_no = order_no
where status in ('AUTO_APPROVED', 'APPROVED')
  and not exists (select 1 from cancellation_request w
                  where w.order_no = cancellation_request.order_no and w.status = 'PENDING_REVIEW'
                    and w.claimed_order_no is not null)
  and not exists (select 1 from cancellation_request e
                  where e.order_no = cancellation_request.order_no and e.status in ('AUTO_APPROVED', 'APPROVED')
                    and (e.submitted_at < cancellation_request.submitted_at
                         or (e.submitted_at = cancellation_request.submitted_at and e.id < cancellation_request.id)));

-- One refund per order, whatever writes it. A database that already holds two refunds of one order refuses
-- this migration: money was paid twice and a person has to settle it before the service starts again.
alter table refund add constraint refund_order_uk unique (order_no);
