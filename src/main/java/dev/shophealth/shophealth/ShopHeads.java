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

    /**
     * The latest row through {@code decision_log_subject_idx} (subject, decided_at), read backwards; the shop's number
     * of changes through the primary key of {@code shop_change}. Parameters: the shop, the shop, the kind, the shop.
     */
    private static final String STATEMENT = "select (select s.id from shop s where s.id = ?), "
            + "(select d.decision_id from decision_log d where d.subject = ? and d.kind = ? "
            + "order by d.decided_at desc fetch first 1 rows only), "
            + dev.shophealth.cancellation.ShopChanges.NUMBER_OF_SHOP.replace(":shop", "?");

    @Inject
    EntityManager em;

    /**
     * Plain JDBC on the connection Hibernate holds: as a native query through Hibernate, this one statement was 15 % of
     * a health read's CPU samples (its query plan and result mapping), the kept facts having taken the rest away.
     */
    ShopHead read(String shopId) {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement q = connection.prepareStatement(STATEMENT)) {
                q.setString(1, shopId);
                q.setString(2, shopId);
                q.setString(3, DecisionLog.Kind.SHOP_HEALTH.name());
                q.setString(4, shopId);
                try (java.sql.ResultSet r = q.executeQuery()) {
                    r.next();
                    return new ShopHead(r.getString(1) != null, r.getString(2), r.getLong(3));
                }
            }
        });
    }
}
