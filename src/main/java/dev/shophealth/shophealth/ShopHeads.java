package dev.shophealth.shophealth;

import dev.shophealth.decisionlog.DecisionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Reads a shop's {@link ShopHead}: whether it exists, the id of its latest health row and its number of changes, in
 * one statement and one round trip, on every report. Nothing of it is cached: a shop, a row or a change that another
 * instance committed is seen by the next read. It was two round trips: the shop loaded as an entity, then the latest id by HQL.
 */
@ApplicationScoped
class ShopHeads {

    /** The latest row through {@code decision_log_subject_idx} (subject, decided_at), read backwards. */
    private static final String STATEMENT = "select (select s.id from shop s where s.id = :shop), "
            + "(select d.decision_id from decision_log d where d.subject = :shop and d.kind = :kind "
            + "order by d.decided_at desc fetch first 1 rows only), "
            + dev.shophealth.cancellation.ShopChanges.NUMBER_OF_SHOP;

    @Inject
    EntityManager em;

    ShopHead read(String shopId) {
        Object[] row = (Object[]) em.createNativeQuery(STATEMENT).setParameter("shop", shopId)
                .setParameter("kind", DecisionLog.Kind.SHOP_HEALTH.name()).getSingleResult();
        return new ShopHead(row[0] != null, (String) row[1], ((Number) row[2]).longValue());
    }
}
