package dev.shophealth.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped H2 URL survives a thread interrupted while H2 reads its file. The pool interrupts the thread opening a
 * connection when its wait runs out ({@code Future.cancel(true)} in Agroal); on a plain {@code file:} URL the JVM then
 * closes H2's file for every connection, and each later statement fails ("Reading from file ... failed", "IO
 * Exception") until a restart: answered 500. Seen after a kill -9, when the restart's recovery outlasted the wait.
 */
class H2InterruptTest {

    @TempDir
    Path dir;

    @Test
    void aReaderInterruptedMidScanLeavesTheDatabaseUsableForEveryoneElse() throws Exception {
        // given: the shipped URL, with a small cache so that a scan reads the file all the time
        String url = shippedUrl(dir) + ";CACHE_SIZE=1024";
        try (Connection other = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = other.createStatement()) {
                s.execute("create table t (id int primary key, v varchar(400))");
                s.execute("insert into t select x, repeat('row ' || x, 20) from system_range(1, 60000)");
                s.execute("CHECKPOINT");
            }

            // when: a reader scanning the table is interrupted again and again
            AtomicReference<SQLException> readerFailure = new AtomicReference<>();
            Thread reader = new Thread(() -> scan(url, readerFailure));
            reader.start();
            for (int i = 0; i < 20 && reader.isAlive(); i++) {
                Thread.sleep(50);
                reader.interrupt();
            }
            reader.join();

            // then: the reader finished, and another connection still reads and writes
            assertEquals(null, readerFailure.get(), "the interrupted reader failed");
            try (Statement s = other.createStatement()) {
                s.execute("insert into t values (0, 'after')");
                s.execute("CHECKPOINT");
                try (ResultSet r = s.executeQuery("select count(*) from t")) {
                    r.next();
                    assertEquals(60001, r.getLong(1));
                }
            }
        }
    }

    private static void scan(String url, AtomicReference<SQLException> failure) {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (int i = 0; i < 30; i++) {
                try (ResultSet r = s.executeQuery("select count(*) from t where v like '%99999%'")) {
                    r.next();
                }
            }
        } catch (SQLException e) {
            failure.set(e);
        }
    }

    /** {@code shophealth.jdbc.h2} of application.properties, on {@code dir} instead of ./db. */
    private static String shippedUrl(Path dir) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = H2InterruptTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("shophealth.jdbc.h2").replace("${shophealth.db-dir:./db}", dir.toString());
    }
}
