package dev.shophealth.ruleset.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The sessions of one compiled ruleset, pooled: an evaluation borrows a session and gives it back reset (Drools'
 * {@code KieSessionsPool}), instead of building one per evaluation. A session whose evaluation was stopped from
 * outside (the deadline's {@code Thread.stop}) or hit an error of the JVM (stack, heap, linkage) is not given back:
 * its state is not trusted, and the pool makes a fresh one. A rule that threw an exception leaves a session Drools
 * resets as usual.
 */
public final class Sessions {

    private final KieSessionsPool pool;
    private final boolean globals;

    Sessions(KieBase kieBase) {
        this.pool = kieBase.newKieSessionsPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        this.globals = kieBase.getKiePackages().stream().anyMatch(p -> !p.getGlobalVariables().isEmpty());
    }

    /** A clean session, borrowed: give it back with {@link #release} or drop it with {@link #discard}. */
    KieSession borrow() {
        return pool.newKieSession();
    }

    /** Resets the session and puts it back for the next evaluation. */
    void release(KieSession session) {
        session.dispose();
    }

    /**
     * Drops a session that may be in an inconsistent state. Drools' pool keeps a reference to every session it made
     * (to shut them down), so each discarded session stays in memory until its ruleset is replaced; discards happen
     * only on evaluations stopped at their deadline (counted and reported in readiness) or failed by the JVM.
     */
    void discard(KieSession session) {
        // deliberately not disposed: dispose would reset it and hand it to the next evaluation
    }

    /** Whether the ruleset declares globals (then {@code outcomes} is set on each borrowed session). */
    boolean hasGlobals() {
        return globals;
    }
}
