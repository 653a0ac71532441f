package dev.shophealth.common;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The log context (MDC) of a request: the id and ruleset revision of the decision it made, so every later line of
 * that request names them (JSON logs: the {@code mdc} object). Cleared when a request starts and when it ends, so a
 * worker thread never carries one request's decision into the next.
 */
public class LogContext {

    public static final String DECISION_ID = "decisionId";
    public static final String RULESET_REVISION = "rulesetRevision";

    /**
     * Names the decision in the current log context — inside an HTTP request only: start-up work (the sample loader
     * decides thousands of requests on the main thread, in an active CDI request context) would otherwise leave a
     * stale id on later lines of that thread.
     */
    public static void decision(String decisionId, String rulesetRevision) {
        if (org.jboss.resteasy.reactive.server.core.CurrentRequestManager.get() == null) {
            return;
        }
        MDC.put(DECISION_ID, decisionId);
        if (rulesetRevision != null) {
            MDC.put(RULESET_REVISION, rulesetRevision);
        }
    }

    public static void clear() {
        MDC.remove(DECISION_ID);
        MDC.remove(RULESET_REVISION);
    }

    @ServerRequestFilter(preMatching = true)
    void onRequest() {
        clear();
    }

    @ServerResponseFilter
    void onResponse() {
        clear();
    }
}
