package dev.shophealth.cli;

import dev.shophealth.ruleset.engine.RulesCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * The jar's entry point. {@code java -jar target/quarkus-app/quarkus-run.jar rules test rules/} checks a rules
 * folder without starting the service (no database, no HTTP: {@link RulesCli}); with no arguments, or any others,
 * the service starts as always.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("rules")) {
            int status = RulesCli.run(Arrays.asList(args).subList(1, args.length), System.out, System.err);
            System.out.flush();
            // the engine's pool threads must not keep the process alive
            Runtime.getRuntime().halt(status);
        }
        Quarkus.run(args);
    }
}
