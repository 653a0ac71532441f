package dev.shophealth.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Keeps the users the service sets up itself in step with configuration, at every start: {@code reviewer},
 * {@code analyst} and {@code admin} are created or given the configured password; the sample's merchants
 * {@code merchant-S1001} … {@code merchant-S1005} are created with the sample data and, while they exist, given
 * the merchant password. A database made by {@code quarkus:dev} therefore stops accepting the demo passwords as
 * soon as production starts on it. Any missing or unusable password refuses the start, all of them named at once.
 */
@ApplicationScoped
public class UserPasswords {

    /** The sample's merchants, one per sample shop. */
    static final List<String> SAMPLE_MERCHANTS = IntStream.rangeClosed(1, 5).mapToObj(i -> "merchant-S100" + i)
            .toList();
    private static final Logger LOG = Logger.getLogger(UserPasswords.class);

    /** A user as configuration wants it; {@code create} says whether it is made when missing. */
    record ConfiguredUser(String username, String role, String shopIds, String password, boolean create) {
    }

    @Inject
    UsersConfig config;

    @Inject
    CachedPasswordIdentityProvider verified;

    @Inject
    dev.shophealth.common.ShopHealthConfig shopHealth;

    void onStart(@Observes @Priority(0) StartupEvent event) {
        boolean production = LaunchMode.current() == LaunchMode.NORMAL;
        long merchants = QuarkusTransaction.requiringNew()
                .call(() -> AppUser.count("username in ?1", SAMPLE_MERCHANTS));
        boolean withMerchants = shopHealth.sampleData().load() || merchants > 0;
        List<StartupPasswordCheck.Need> needs = new ArrayList<>(List.of(
                need("reviewer", config.reviewerPassword()), need("analyst", config.analystPassword()),
                need("admin", config.adminPassword())));
        if (config.analyst2Password().isPresent()) {
            needs.add(need("analyst2", config.analyst2Password()));
        }
        if (withMerchants) {
            needs.add(new StartupPasswordCheck.Need("merchant", config.merchantPassword(), shopHealth.sampleData().load()
                    ? "the sample data's merchants" : "the " + merchants + " sample merchants in the database"));
        }
        List<String> problems = StartupPasswordCheck.problems(needs, production);
        if (!problems.isEmpty()) {
            // Quarkus prints a ConfigurationException's message alone, without a stack trace
            throw new ConfigurationException(StartupPasswordCheck.message(problems));
        }
        apply(users(withMerchants));
    }

    /** Creates or updates each user with its role, shops and a fresh bcrypt hash of its password. */
    void apply(List<ConfiguredUser> users) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        // one hash per password: the sample's merchants share theirs, and bcrypt is slow on purpose
        Map<String, String> hashes = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (ConfiguredUser u : users) {
                AppUser user = AppUser.findById(u.username());
                if (user == null && !u.create()) {
                    continue;
                }
                if (user == null) {
                    user = new AppUser();
                    user.username = u.username();
                    created.add(u.username());
                } else {
                    updated.add(u.username());
                }
                user.role = u.role();
                user.shopIds = u.shopIds();
                user.password = hashes.computeIfAbsent(u.password(), BcryptUtil::bcryptHash);
                user.persist();
            }
        });
        // a remembered check of an old password must not outlive the change
        verified.forgetAll();
        LOG.infof("Users set from configuration: created %s, password applied to %s", created, updated);
    }

    private List<ConfiguredUser> users(boolean withMerchants) {
        List<ConfiguredUser> users = new ArrayList<>(List.of(
                new ConfiguredUser("reviewer", Roles.REVIEWER, null, config.reviewerPassword().orElseThrow(), true),
                new ConfiguredUser("analyst", Roles.ANALYST, null, config.analystPassword().orElseThrow(), true),
                new ConfiguredUser("admin", Roles.ADMIN, null, config.adminPassword().orElseThrow(), true)));
        config.analyst2Password().ifPresent(p -> users.add(new ConfiguredUser("analyst2", Roles.ANALYST, null, p, true)));
        if (withMerchants) {
            for (String merchant : SAMPLE_MERCHANTS) {
                users.add(new ConfiguredUser(merchant, Roles.MERCHANT, merchant.substring("merchant-".length()),
                        config.merchantPassword().orElseThrow(), shopHealth.sampleData().load()));
            }
        }
        return users;
    }

    private static StartupPasswordCheck.Need need(String setting, Optional<String> password) {
        return new StartupPasswordCheck.Need(setting, password, "the user " + setting);
    }
}
