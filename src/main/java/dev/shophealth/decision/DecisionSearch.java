package dev.shophealth.decision;

import dev.shophealth.common.PageResponse;
import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.decisionlog.DecisionLogEntry;
import dev.shophealth.outcome.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Finding decisions in the log, as OPA's decision logs are searched: by order, shop, kind, verdict, rule that fired,
 * revision and time, newest first. A shop's decisions are its health reports and the screenings of its orders.
 */
@ApplicationScoped
public class DecisionSearch {

    /** One line of a search: what was decided about whom, when, with which revision. */
    public record DecisionSummary(String decisionId, Instant decidedAt, String kind, String subject,
            String rulesetRevision, String verdict, List<String> firedRules, String error) {

        static DecisionSummary of(DecisionLogEntry e) {
            return new DecisionSummary(e.decisionId, e.decidedAt, e.kind, e.subject, e.rulesetRevision, e.verdict,
                    e.firedRules == null || e.firedRules.isEmpty() ? List.of() : Arrays.asList(e.firedRules.split(",")),
                    e.error);
        }
    }

    /** The filters of a search; null means any. */
    public record Filter(DecisionLog.Kind kind, String orderNo, String shopId, Verdict verdict, String rule,
            String revision, Instant from, Instant to) {

        private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
        private static final Pattern REVISION = Pattern.compile("[0-9a-f]{1,64}");

        /** Reads and checks the query parameters; a bad one answers 400 naming it. */
        public static Filter of(DecisionLog.Kind kind, String orderNo, String shopId, Verdict verdict, String rule,
                String revision, String from, String to, ZoneId zone) {
            String ruleId = Params.trimmed(rule);
            if (ruleId != null && !RULE_ID.matcher(ruleId).matches()) {
                throw ProblemException.badRequest("rule", "must be a rule id such as FRQ-RATE-01");
            }
            String rev = Params.trimmed(revision);
            if (rev != null && !REVISION.matcher(rev).matches()) {
                throw ProblemException.badRequest("revision", "must be a ruleset revision (hexadecimal)");
            }
            Instant start = Params.instant("from", from, false, zone);
            Instant end = Params.instant("to", to, true, zone);
            if (start != null && end != null && start.isAfter(end)) {
                throw ProblemException.badRequest("from", "must not be after 'to'");
            }
            return new Filter(kind, Params.trimmed(orderNo), Params.trimmed(shopId), verdict, ruleId, rev, start, end);
        }
    }

    static final int EXPORT_CHUNK = 1000;

    @Inject
    EntityManager em;

    public PageResponse<DecisionSummary> search(Filter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        TypedQuery<Long> count = em.createQuery("select count(d) from DecisionLogEntry d" + where, Long.class);
        params.forEach(count::setParameter);
        TypedQuery<DecisionLogEntry> rows = em.createQuery("select d from DecisionLogEntry d" + where
                + " order by d.decidedAt desc, d.decisionId", DecisionLogEntry.class);
        params.forEach(rows::setParameter);
        List<DecisionSummary> items = rows.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(DecisionSummary::of).toList();
        return new PageResponse<>(items, page, size, count.getSingleResult());
    }

    /** Every matching decision, newest first, in chunks (an export streams them without holding all). */
    public void each(Filter filter, int limit, Consumer<DecisionSummary> sink) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        int done = 0;
        for (int first = 0; done < limit; first += EXPORT_CHUNK) {
            TypedQuery<DecisionLogEntry> rows = em.createQuery("select d from DecisionLogEntry d" + where
                    + " order by d.decidedAt desc, d.decisionId", DecisionLogEntry.class);
            params.forEach(rows::setParameter);
            List<DecisionLogEntry> chunk = rows.setFirstResult(first)
                    .setMaxResults(Math.min(EXPORT_CHUNK, limit - done)).getResultList();
            chunk.forEach(e -> sink.accept(DecisionSummary.of(e)));
            done += chunk.size();
            em.clear();
            if (chunk.size() < EXPORT_CHUNK) {
                break;
            }
        }
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        if (f.kind() != null) {
            and.add("d.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.orderNo() != null) {
            and.add("d.kind = 'SCREENING' and d.subject = :orderNo");
            params.put("orderNo", f.orderNo());
        }
        if (f.shopId() != null) {
            and.add("((d.kind = 'SHOP_HEALTH' and d.subject = :shopId) or (d.kind = 'SCREENING' and d.subject in "
                    + "(select o.orderNo from ShopOrder o where o.shopId = :shopId)))");
            params.put("shopId", f.shopId());
        }
        if (f.verdict() != null) {
            and.add("d.verdict = :verdict");
            params.put("verdict", f.verdict().name());
        }
        if (f.rule() != null) {
            and.add("concat(',', d.firedRules, ',') like :rule");
            params.put("rule", "%," + f.rule() + ",%");
        }
        if (f.revision() != null) {
            and.add("d.rulesetRevision like :revision");
            params.put("revision", f.revision() + "%");
        }
        if (f.from() != null) {
            and.add("d.decidedAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            and.add("d.decidedAt < :to");
            params.put("to", f.to());
        }
        return and.isEmpty() ? "" : " where " + String.join(" and ", and);
    }
}
