package dev.shophealth.common;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb in a temporary directory, a free port, trust authentication) that
 * the test may stop and start without touching anybody else's. Its binaries are found under
 * {@code /usr/lib/postgresql/<version>/bin} or in the system property {@code shophealth.it.pg-bin}; as root the
 * server runs as the {@code postgres} OS user, since PostgreSQL refuses to run as root.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final Path serverLog;
    private final Path log;
    private final int port;
    private final boolean asPostgresUser;
    private boolean running;

    private PrivatePostgres(Path bin, Path dir, Path serverLog, Path log, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.serverLog = serverLog;
        this.log = log;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates the cluster and starts it; {@code log} receives the server's log. */
    static PrivatePostgres start(Path log) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("shophealth-it-pg");
        Files.createDirectories(log.getParent());
        // the server writes its log beside its data, in the temp folder: running as postgres it may not reach the
        // project's folder (a clone in a mktemp folder is private to root); close() copies it to 'log'
        Path serverLog = Files.createTempFile("shophealth-it-pg", ".log");
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(serverLog, postgres);
        }
        PrivatePostgres pg = new PrivatePostgres(binaries(), dir, serverLog, log, freePort(), root);
        pg.run("initdb", "-D", dir.toString(), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        pg.start();
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Stops the server as an operator would ({@code pg_ctl stop -m fast}): open connections are cut. */
    void stop() throws IOException, InterruptedException {
        run("pg_ctl", "-D", dir.toString(), "-m", "fast", "-w", "stop");
        running = false;
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        run("pg_ctl", "-D", dir.toString(), "-l", serverLog.toString(), "-w", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        running = true;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (running) {
                stop();
            }
        } finally {
            Files.copy(serverLog, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(serverLog);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static Path binaries() throws IOException {
        String configured = System.getProperty("shophealth.it.pg-bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql; "
                + "install PostgreSQL or set -Dshophealth.it.pg-bin=<dir>");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
