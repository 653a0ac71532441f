package dev.shophealth.dataimport;

import dev.shophealth.common.Problem;
import dev.shophealth.common.ProblemException;
import dev.shophealth.common.ShopHealthConfig;
import dev.shophealth.security.Audit;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs imports of large files as jobs, one at a time in the background on the instance that received them (the
 * others wait QUEUED), each in one transaction as a smaller import: a job that fails or is cancelled writes nothing.
 * Every instance answers for every job from its row ({@link ImportJobs}); a job whose instance stopped reads
 * INTERRUPTED, and its file, kept only on that instance, must be sent again.
 */
@ApplicationScoped
public class ImportJobService {

    /** How often this instance writes its jobs' progress and heartbeats, and reads a cancel asked elsewhere. */
    static final String BEAT = "1s";
    private static final Logger LOG = Logger.getLogger(ImportJobService.class);

    @Inject
    ImportService imports;
    @Inject
    ImportJobs jobs;
    @Inject
    Audit audit;
    @Inject
    ShopHealthConfig config;

    /** The jobs of this instance not finished yet (queued or running). */
    private final Map<String, Local> local = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-job");
        t.setDaemon(true);
        return t;
    });
    private String instance;

    /** A job of this instance: its file and the progress its import reports. */
    private record Local(String kind, boolean dryRun, ImportFile file, ImportProgress progress) {
    }

    void onStart(@Observes StartupEvent event) {
        instance = config.instanceName().orElseGet(ImportJobService::hostName);
        int marked = jobs.interrupt(instance, local.keySet());
        if (marked > 0) {
            LOG.warnf("%d import job(s) of this instance (%s) were unfinished when it stopped: marked INTERRUPTED",
                    marked, instance);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Queues the import of {@code file}, which the job owns from now on (and deletes when it ends). */
    ImportJob.View start(String kind, ImportFile file, boolean dryRun) {
        StoredImportJob row = new StoredImportJob();
        row.id = UUID.randomUUID().toString();
        row.kind = kind;
        row.format = file.format();
        row.dryRun = dryRun;
        row.state = ImportJob.State.QUEUED;
        row.bytesTotal = file.size();
        row.startedBy = audit.actor();
        row.instance = instance;
        row.createdAt = Instant.now();
        row.heartbeatAt = row.createdAt;
        jobs.create(row);
        local.put(row.id, new Local(kind, dryRun, file, new ImportProgress()));
        executor.submit(() -> run(row.id));
        return ImportJob.view(row, null, null);
    }

    private void run(String id) {
        Local job = local.get(id);
        try {
            end(id, job);
        } catch (Throwable e) {
            // the Future that submit returns keeps what run throws and nobody reads it: the job would read RUNNING,
            // then INTERRUPTED once stale, with nothing in the log
            LOG.error("Import job " + id + ": its end could not be written", e);
        } finally {
            local.remove(id);
            job.file().close();
        }
    }

    /** Runs the job and writes its end; any Throwable fails it (an Error too: it would leave it RUNNING). */
    private void end(String id, Local job) {
        try {
            if (!jobs.start(id)) {
                return;
            }
            ImportReport report = imports.importFile(job.kind(), job.file().format(), job.file()::rows,
                    job.dryRun(), job.progress());
            jobs.finish(id, ImportJob.State.SUCCEEDED, report.rows(), job.file().size(), report, null);
        } catch (ImportProgress.Cancelled e) {
            jobs.finish(id, ImportJob.State.CANCELLED, job.progress().rows(), job.file().bytesRead(), null, null);
        } catch (ProblemException e) {
            jobs.finish(id, ImportJob.State.FAILED, job.progress().rows(), job.file().bytesRead(), null, e.toProblem());
        } catch (Throwable e) {
            LOG.error("Import job " + id + " failed", e);
            jobs.finish(id, ImportJob.State.FAILED, job.progress().rows(), job.file().bytesRead(), null,
                    Problem.of(500, "The import failed; nothing of it was written. See the service log.", List.of()));
        }
    }

    public ImportJob.View get(String id) {
        return jobs.get(id, local::containsKey);
    }

    /** Asks a job to stop, whichever instance runs it; a running one stops within a second and writes nothing. */
    public ImportJob.View cancel(String id) {
        ImportJob.View view = jobs.requestCancel(id, local::containsKey);
        Local job = local.get(id);
        if (job != null) {
            job.progress().cancel();
        }
        return view;
    }

    /** Writes this instance's jobs' progress and heartbeats, and picks up a cancel asked on another instance. */
    @Scheduled(identity = "import-job-beat", every = BEAT,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void beat() {
        if (local.isEmpty()) {
            return;
        }
        try {
            jobs.heartbeat(local.keySet());
            local.forEach((id, job) -> {
                if (job.progress().rows() > 0 && jobs.progress(id, job.progress().rows(), job.file().bytesRead())) {
                    job.progress().cancel();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Import jobs: cannot write their progress", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
