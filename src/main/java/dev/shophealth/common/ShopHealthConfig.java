package dev.shophealth.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The service's own settings ({@code shophealth.*} in application.properties, or environment variables such as
 * {@code SHOPHEALTH_ZONE}). The rule base ({@code shophealth.rules.*}), the users ({@code shophealth.users.*}) and
 * login throttling ({@code shophealth.login.*}) have mappings of their own beside the code that reads them.
 */
@ConfigMapping(prefix = "shophealth")
public interface ShopHealthConfig {

    /** The platform's time zone: a date without a time (2026-11-26) is that whole day in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * The JDBC URL for each database kind ({@code shophealth.jdbc.h2}, {@code shophealth.jdbc.postgresql});
     * {@code quarkus.datasource.jdbc.url} takes the one of {@code quarkus.datasource.db-kind} unless {@code DB_URL}
     * is set.
     */
    Map<String, String> jdbc();

    /** The database user for each kind ({@code shophealth.db-user.h2}…), unless {@code DB_USER} is set. */
    @WithName("db-user")
    Map<String, String> dbUser();

    /**
     * SQL each pooled connection runs when it opens, per database kind ({@code shophealth.connection-sql.postgresql}
     * bounds the lock wait); {@code quarkus.datasource.jdbc.new-connection-sql} takes the one of the kind in use.
     */
    @WithName("connection-sql")
    Map<String, String> connectionSql();

    /**
     * How long start-up waits for its first database connection, per database kind
     * ({@code quarkus.datasource.jdbc.acquisition-timeout} takes the one of the kind in use until the service is up,
     * then {@code shophealth.database.wait}): on H2 that connection opens the file and undoes what a killed process
     * left uncommitted, which takes as long as it takes.
     */
    @WithName("startup-wait")
    Map<String, Duration> startupWait();

    /** The folder of the embedded H2 database files ({@code ./db} when not set). */
    @WithName("db-dir")
    Optional<Path> dbDir();

    /**
     * This instance's name, stored with the backtests it runs: at start, its own jobs left RUNNING by its previous
     * run are marked INTERRUPTED. The host name when not set; give each instance on one host a name of its own.
     */
    Optional<String> instanceName();

    /** Limits on a request, answered with problem+json before any resource runs. */
    Limits limits();

    /** How the service waits for its database. */
    Database database();

    /** The sample data loaded at start (dev and test by default; production only when switched on). */
    SampleData sampleData();

    /** The reviewers' queue. */
    Review review();

    /** The import of data files through the API ({@code shophealth.import.*}). */
    @WithName("import")
    DataImport dataImport();

    interface DataImport {

        /**
         * A file of more rows than this is imported as a job: the POST answers 202 with the job's Location, to poll
         * for progress and, at the end, the report. Still all or nothing.
         */
        @WithDefault("50000")
        long jobThreshold();

        /**
         * The largest file an import accepts (a million orders are about 130 MB of CSV); larger answers 413. Other
         * requests keep {@code shophealth.limits.max-body-size}. The body goes to a temporary file, not to memory.
         */
        @WithDefault("512M")
        MemorySize maxBodySize();
    }

    /** The decision log. */
    DecisionLog decisionLog();

    interface DecisionLog {

        /** Forwarding each recorded decision as an event to a sink, like OPA's decision-log plugin. */
        Forward forward();
    }

    interface Forward {

        /**
         * Where to POST recorded decisions, as NDJSON batches ({@code application/x-ndjson}, one decision per line);
         * not set: nothing is forwarded. Delivery is at least once: an event may arrive twice after a retry, its
         * {@code decisionId} tells.
         */
        Optional<java.net.URI> url();

        /** Decisions waiting to be sent; when the sink is away that long, the oldest are dropped (and counted). */
        @WithDefault("10000")
        int buffer();

        /** Decisions per POST at most. */
        @WithDefault("100")
        int batch();

        /** How long one POST may take before it counts as failed and is retried. */
        @WithDefault("PT5S")
        Duration timeout();

        /** The longest pause between retries to an unreachable sink (the pause doubles from 100 ms up to this). */
        @WithDefault("PT30S")
        Duration maxBackoff();
    }

    interface Review {

        /**
         * How long a reviewer's claim on a pending request holds: while it does, another reviewer can neither claim
         * nor decide the request. It lapses by itself, so a request is never stuck with a reviewer who left.
         */
        @WithDefault("PT15M")
        Duration claim();
    }

    interface Limits {

        /** The longest request line (method, path and query) accepted; longer answers 414. */
        @WithDefault("4096")
        int maxUriLength();

        /** The largest total size of the request headers; larger answers 431. */
        @WithDefault("20K")
        MemorySize maxHeaderSize();

        /** The largest request body; larger answers 413 before the body is read. */
        @WithDefault("10M")
        MemorySize maxBodySize();
    }

    interface Database {

        /** How long a request waits for a database connection before it answers 503 ({@code shophealth.database.wait}). */
        @WithName("wait")
        @WithDefault("1S")
        Duration connectionWait();

        /** The {@code Retry-After} of a 503 answered because the database is unreachable. */
        @WithDefault("5S")
        Duration retryAfter();
    }

    interface SampleData {

        /** Load the sample shops, orders and requests at start when the database has none. */
        @WithDefault("true")
        boolean load();

        /** Where the sample CSV files are. */
        @WithDefault("./data/sample")
        Path dir();

        /** How long loading may take (large generated sets take minutes). */
        @WithDefault("PT1H")
        Duration timeout();
    }
}
