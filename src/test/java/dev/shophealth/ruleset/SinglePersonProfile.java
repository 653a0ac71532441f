package dev.shophealth.ruleset;

import java.util.HashMap;
import java.util.Map;

/**
 * The copied rules folder in single-person mode (development): one analyst may approve and activate their own
 * versions, and reloads activate the folder. For the tests of exactly that mode and of the reload loop.
 */
public class SinglePersonProfile extends CopiedRulesProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("shophealth.rules.governance.single-person", "true");
        return config;
    }
}
