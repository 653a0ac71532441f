-- Imports of large files run as jobs (issue 13): one row per job, read by every instance. The instance running a
-- job writes its progress and heartbeat; a job whose instance stopped reads INTERRUPTED. The report (ImportReport)
-- or the problem that rejected the file (problem+json) are kept as JSON text.
create table import_job (
    id               varchar(36)   primary key,
    kind             varchar(32)   not null,
    format           varchar(8)    not null,
    dry_run          boolean       not null,
    state            varchar(16)   not null,
    rows_done        bigint        not null,
    bytes_read       bigint        not null,
    bytes_total      bigint        not null,
    started_by       varchar(100)  not null,
    instance         varchar(200)  not null,
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    heartbeat_at     timestamp with time zone not null,
    finished_at      timestamp with time zone,
    cancel_requested boolean       default false not null,
    report           text,
    problem          text
);
create index import_job_created_idx on import_job (created_at);
